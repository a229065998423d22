import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../fixtures/console.js";
import { fileTip, reporter } from "../fixtures/followup-api.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

let t: TestApp;
afterEach(() => t?.close());

const ATTACKER = "203.0.113.66";
/** The right receipt with its last digit changed: a near miss. */
const wrongOf = (receipt: string) => `${receipt.slice(0, -1)}${(Number(receipt.at(-1)) + 1) % 10}`;
const unknownReceipt = () => [...crypto.getRandomValues(new Uint8Array(20))].map((b) => b % 10).join("");

describe("guessing receipts", () => {
  it("1,000 wrong receipts from one client are slowed, then refused with 429, while the right one opens from another client", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const { receipt } = await fileTip(t);
    const attacker = reporter(t, ATTACKER);
    const looked: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const response = await attacker.open(i % 2 ? wrongOf(receipt) : unknownReceipt());
      if (response.status === 404) looked.push(clock.now().getTime());
      else {
        expect(response.status).toBe(429);
        expect(await response.json()).toMatchObject({ error: { code: "rate_limited" } });
        waits.push(Number(response.headers.get("Retry-After")));
      }
      if (i % 100 === 99) {
        const owner = await reporter(t, `198.51.100.${i / 100}`).open(receipt);
        expect(owner.status, `the owner, after ${i + 1} guesses`).toBe(201);
      }
      clock.advance(1_000);
    }
    // One guess a second for 1,000 seconds: few of them looked up (slowed), the waits announced growing
    // from under a minute to far longer (refused).
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.length).toBeLessThanOrEqual(1_000 * 0.05);
    expect(waits.length).toBe(1_000 - looked.length);
    expect(waits.every((s) => Number.isInteger(s) && s >= 1)).toBe(true);
    expect(waits[0]).toBeLessThanOrEqual(60);
    expect(waits.at(-1)).toBeGreaterThan(10 * (waits[0] ?? 0));
    expect(looked.at(-1)).toBeLessThan(clock.now().getTime() - 10 * 60_000);
    // The owner is not locked out from the attacker's address by the owner's own earlier success.
    expect((await reporter(t, "198.51.100.200").open(receipt)).status).toBe(201);
  });

  it("answers a wrong receipt and an unknown well-formed one with identical bytes", async () => {
    t = await createTestApp();
    const { receipt } = await fileTip(t);
    const answers = [];
    const typed = [wrongOf(receipt), unknownReceipt(), unknownReceipt().replace(/(\d{4})(?=\d)/g, "$1 "), "1234"];
    for (const [i, guess] of typed.entries()) {
      const response = await reporter(t, `192.0.2.${i + 1}`).open(guess);
      answers.push({ status: response.status, headers: [...response.headers], body: await response.text() });
    }
    expect(answers[0]?.status).toBe(404);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(JSON.parse(answers[0]?.body ?? "")).toMatchObject({
      error: { code: "not_found", message: expect.any(String) },
    });
  });

  it("past a ceiling of receipts looked up a minute, every client gets fewer tries, and a right receipt still opens", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const { receipt } = await fileTip(t);
    // Two wrong receipts in a row from one client: is the second one looked up, or refused and for how long?
    const secondTry = async (address: string) => {
      expect((await reporter(t, address).open(unknownReceipt())).status).toBe(404);
      const next = await reporter(t, address).open(unknownReceipt());
      return { status: next.status, retryAfter: Number(next.headers.get("Retry-After") ?? 0) };
    };
    expect(await secondTry("192.0.2.200")).toEqual({ status: 404, retryAfter: 0 });
    // A guesser spread over many addresses, each trying once within the minute.
    for (let i = 0; i < 700; i++) {
      expect((await reporter(t, `10.1.${Math.floor(i / 250)}.${i % 250}`).open(unknownReceipt())).status).toBe(404);
    }
    const underAttack = await secondTry("192.0.2.201");
    expect(underAttack.status).toBe(429);
    expect(underAttack.retryAfter).toBeGreaterThan(60);
    expect((await reporter(t, "192.0.2.202").open(receipt)).status).toBe(201);
    // The next minute is calm again.
    clock.advance(60_000);
    expect(await secondTry("192.0.2.203")).toEqual({ status: 404, retryAfter: 0 });
  });
});
