import { describe, expect, it } from "vitest";
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from "./password.js";

describe("the hash checked for an unknown email", () => {
  it("costs what a real account's costs: the same scheme and parameters as a new hash", async () => {
    const real = await hashPassword("a password of someone");
    const parameters = (hash: string) => hash.split("$").slice(0, 4).join("$");
    expect(parameters(UNKNOWN_ACCOUNT_HASH)).toBe(parameters(real));
    expect(UNKNOWN_ACCOUNT_HASH.split("$").map((part) => part.length)).toEqual(real.split("$").map((p) => p.length));
    expect(await verifyPassword("", UNKNOWN_ACCOUNT_HASH)).toBe(false);
  });
});
