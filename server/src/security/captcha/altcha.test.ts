import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { describe, expect, it } from "vitest";
import { altchaVerifier, createAltchaChallenge } from "./altcha.js";

const SECRET = "a-test-secret-for-the-altcha-signature";
// The real time, not a fixed date: altcha-lib checks a challenge's expiry against the machine's clock as well as ours.
const start = new Date();

/** A verifier whose PBKDF2 work is counted, on a clock the test moves. */
const counted = () => {
  let now = start;
  const work = { derivations: 0 };
  const options = {
    secret: SECRET,
    cost: 10,
    difficulty: 20,
    now: () => now,
    deriveKey: ((...args: Parameters<typeof deriveKey>) => {
      work.derivations++;
      return deriveKey(...args);
    }) as typeof deriveKey,
  };
  return {
    options,
    work,
    verifier: altchaVerifier(options),
    later: (ms: number) => (now = new Date(start.getTime() + ms)),
  };
};

const solved = async (options: Parameters<typeof createAltchaChallenge>[0]) => {
  const challenge = await createAltchaChallenge(options);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("not solved");
  return { challenge, solution };
};
const payloadOf = (value: unknown) => btoa(JSON.stringify(value));

describe("ALTCHA refusals cost no proof-of-work checking", () => {
  it("does the PBKDF2 work for a real solution", async () => {
    const { options, work, verifier } = counted();
    const { challenge, solution } = await solved(options);
    const result = await verifier.verify({ provider: "altcha", payload: payloadOf({ challenge, solution }) });
    expect(result.ok).toBe(true);
    expect(work.derivations).toBeGreaterThan(0);
  });

  it("refuses a forged challenge, a missing signature and an expired one before any PBKDF2", async () => {
    const { options, work, verifier, later } = counted();
    const { challenge, solution } = await solved(options);
    const forgedCost = { ...challenge, parameters: { ...challenge.parameters, cost: 1 } };
    const forgedSignature = { ...challenge, signature: "0".repeat(64) };
    for (const forged of [forgedCost, forgedSignature]) {
      const result = await verifier.verify({ provider: "altcha", payload: payloadOf({ challenge: forged, solution }) });
      expect(result.ok).toBe(false);
    }
    later(60 * 60 * 1000);
    const expired = await verifier.verify({ provider: "altcha", payload: payloadOf({ challenge, solution }) });
    expect(expired).toEqual({ ok: false, reason: "ALTCHA challenge expired" });
    expect(work.derivations).toBe(0);
  });
});
