import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryPass } from "./dispatcher.js";
import { type DeliveryLoop, startDeliveryLoop } from "./loop.js";

const result = (claimed: number): DeliveryPass => ({ claimed, delivered: claimed, retried: 0, dead: 0 });

let loop: DeliveryLoop | undefined;
afterEach(() => loop?.stop());

/** A pass that stays open until the test lets it finish, so that kicks can land while it runs. */
const controlledPasses = (claimedEach: number) => {
  const waiting: Array<() => void> = [];
  let started = 0;
  const pass = () => {
    started++;
    return new Promise<DeliveryPass>((resolve) => waiting.push(() => resolve(result(claimedEach))));
  };
  const finishOne = async () => {
    await expect.poll(() => waiting.length).toBeGreaterThan(0);
    waiting.shift()?.();
  };
  return { pass, finishOne, started: () => started };
};

describe("the delivery loop", () => {
  it("folds kicks that land during a pass into one more pass, never two at once", async () => {
    const passes = controlledPasses(0);
    loop = startDeliveryLoop(passes.pass, { everyMs: 60_000, limit: 10, onError: () => {} });
    loop.kick();
    loop.kick();
    loop.kick();
    expect(passes.started()).toBe(1);
    await passes.finishOne();
    await expect.poll(passes.started).toBe(2);
    await passes.finishOne();
    await new Promise((r) => setTimeout(r, 20));
    expect(passes.started()).toBe(2);
  });

  it("runs again at once after a full pass, until a pass comes back short", async () => {
    const claimed = [10, 10, 3];
    let runs = 0;
    loop = startDeliveryLoop(
      async () => {
        runs++;
        return result(claimed.shift() ?? 0);
      },
      { everyMs: 60_000, limit: 10, onError: () => {} },
    );
    loop.kick();
    await expect.poll(() => runs).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(3);
  });

  it("survives a failed pass and reports it", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    loop = startDeliveryLoop(
      async () => {
        runs++;
        if (runs === 1) throw new Error("database is locked");
        return result(0);
      },
      { everyMs: 60_000, limit: 10, onError: (error) => errors.push(error) },
    );
    loop.kick();
    await expect.poll(() => errors.length).toBe(1);
    loop.kick();
    await expect.poll(() => runs).toBe(2);
  });

  it("starts nothing after stop", async () => {
    let runs = 0;
    loop = startDeliveryLoop(
      async () => {
        runs++;
        return result(0);
      },
      { everyMs: 5, limit: 10, onError: () => {} },
    );
    await expect.poll(() => runs).toBeGreaterThan(0);
    await loop.stop();
    const after = runs;
    loop.kick();
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
  });
});
