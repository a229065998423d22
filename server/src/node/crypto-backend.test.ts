import { afterEach, describe, expect, it } from "vitest";
import { type CryptoBackend, useCryptoBackend, webCryptoBackend } from "../security/crypto-backend.js";
import { deriveKeys, generateMasterKey } from "../security/keys.js";
import { SealError, seal, unseal } from "../security/seal.js";
import { nodeCryptoBackend } from "./crypto-backend.js";

const keys = await deriveKeys(generateMasterKey());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const text = (s: string) => new TextEncoder().encode(s);
afterEach(() => useCryptoBackend(webCryptoBackend));

const backends: Record<string, CryptoBackend> = { node: nodeCryptoBackend, webcrypto: webCryptoBackend };

describe.each(Object.keys(backends))("the %s backend", (name) => {
  const backend = backends[name] as CryptoBackend;

  it("computes HMAC-SHA-256 as RFC 4231 (test case 2) says", async () => {
    const key = await crypto.subtle.importKey("raw", text("Jefe"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    expect(hex(await backend.hmacSha256(key, text("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("opens what the other backend sealed, and refuses another context or a flipped bit", async () => {
    const other = name === "node" ? webCryptoBackend : nodeCryptoBackend;
    useCryptoBackend(other);
    const sealed = await seal(keys, "tip:1:narrative", "محتجزون في المخزن 😀");
    useCryptoBackend(backend);
    expect(await unseal(keys, "tip:1:narrative", sealed)).toBe("محتجزون في المخزن 😀");
    await expect(unseal(keys, "tip:2:narrative", sealed)).rejects.toThrow(SealError);
    const parts = sealed.split(".");
    const body = parts[3] as string;
    const flipped = `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    await expect(unseal(keys, "tip:1:narrative", [...parts.slice(0, 3), flipped].join("."))).rejects.toThrow(SealError);
    const sealedHere = await seal(keys, "ctx", { n: 1 });
    useCryptoBackend(other);
    expect(await unseal(keys, "ctx", sealedHere)).toEqual({ n: 1 });
  });
});
