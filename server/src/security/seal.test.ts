import { describe, expect, it } from "vitest";
import { deriveKeys, generateMasterKey } from "./keys.js";
import { SealError, seal, unseal } from "./seal.js";

const keys = await deriveKeys(generateMasterKey());

describe("seal", () => {
  it("round-trips any JSON value, including hostile text", async () => {
    for (const value of [
      "محتجزون",
      { means: "<script>x</script>", n: 1 },
      "'; DROP TABLE tips; --",
      "😀".repeat(1000),
    ]) {
      expect(await unseal(keys, "tip:1:narrative", await seal(keys, "tip:1:narrative", value))).toEqual(value);
    }
  });

  it("uses a fresh IV every time and carries the key id", async () => {
    const a = await seal(keys, "ctx", "same");
    const b = await seal(keys, "ctx", "same");
    expect(a).not.toBe(b);
    expect(a.split(".").slice(0, 2)).toEqual(["v1", keys.keyId]);
  });

  it("detects a flipped bit anywhere in the ciphertext", async () => {
    const sealed = await seal(keys, "ctx", "the narrative");
    const parts = sealed.split(".");
    const body = parts[3]!;
    for (const i of [0, Math.floor(body.length / 2), body.length - 2]) {
      const flipped = body.slice(0, i) + (body[i] === "A" ? "B" : "A") + body.slice(i + 1);
      await expect(unseal(keys, "ctx", [...parts.slice(0, 3), flipped].join("."))).rejects.toBeInstanceOf(SealError);
    }
  });

  it("will not open a value moved to another row or field", async () => {
    const sealed = await seal(keys, "tip:aaa:narrative", "words of one reporter");
    await expect(unseal(keys, "tip:bbb:narrative", sealed)).rejects.toBeInstanceOf(SealError);
    await expect(unseal(keys, "tip:aaa:contact", sealed)).rejects.toBeInstanceOf(SealError);
  });

  it("refuses another key and malformed input", async () => {
    const other = await deriveKeys(generateMasterKey());
    const sealed = await seal(keys, "ctx", "x");
    await expect(unseal(other, "ctx", sealed)).rejects.toThrow(/does not hold/);
    await expect(unseal({ ...other, keyId: keys.keyId }, "ctx", sealed)).rejects.toBeInstanceOf(SealError);
    for (const bad of ["", "v1", "v2.x.y.z", `${sealed}.extra`])
      await expect(unseal(keys, "ctx", bad)).rejects.toBeInstanceOf(SealError);
  });
});

describe("deriveKeys", () => {
  it("is deterministic for one master key and refuses a short one", async () => {
    const master = generateMasterKey();
    expect((await deriveKeys(master)).keyId).toBe((await deriveKeys(master)).keyId);
    await expect(deriveKeys(btoa("too short"))).rejects.toThrow(/32 random bytes/);
    await expect(deriveKeys("not base64 !!!")).rejects.toThrow(/base64/);
  });
});
