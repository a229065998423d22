import { describe, expect, it } from "vitest";
import { parseQueueTargets, resolveQueueTargets } from "./targets.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("the queue's overdue targets", () => {
  it("are DOMAIN.md's defaults when neither the file nor QUEUE_TARGETS names a priority", () => {
    expect(resolveQueueTargets(undefined, {})).toEqual({ P0: 15 * MINUTE, P1: 24 * HOUR, P2: 7 * DAY, P3: 30 * DAY });
  });

  it("take the deployment file's, priority by priority", () => {
    expect(resolveQueueTargets({ P0: "10m", P2: "3d" }, {})).toEqual({
      P0: 10 * MINUTE,
      P1: 24 * HOUR,
      P2: 3 * DAY,
      P3: 30 * DAY,
    });
  });

  it("let QUEUE_TARGETS override the file for the priorities it names, and only those", () => {
    const environment = parseQueueTargets("P0=5m");
    expect(environment).toEqual({ P0: 5 * MINUTE });
    expect(resolveQueueTargets({ P0: "10m", P1: "12h" }, environment)).toEqual({
      P0: 5 * MINUTE,
      P1: 12 * HOUR,
      P2: 7 * DAY,
      P3: 30 * DAY,
    });
  });
});
