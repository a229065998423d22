import { type TipInput, tipSchema } from "@balagh/shared";
import { expect } from "vitest";
import { type Classification, type Flag, type Priority, type PriorityRule, type Signal, triage } from "./index.js";

/** One row of a triage table test: a tip (answers default to a witness, last 7 days, no child) and what triage must say. */
export type Case = {
  name: string;
  tip: Partial<TipInput> & Pick<TipInput, "language" | "narrative">;
  priority: Priority;
  rule?: PriorityRule;
  classification: Classification;
  flags: Flag[];
  /** Answer codes or narrative words that must be cited as reasons. */
  cites?: string[];
  /** Readings that must not appear among the reasons. */
  neverReads?: Signal[];
};

const tipOf = (c: Case) =>
  tipSchema.parse({
    dangerNow: "no",
    reporterRole: "witness",
    location: { country: "MR" },
    when: "last_7_days",
    childInvolved: "no",
    disclosure: "anonymous",
    ...c.tip,
  });

export const expectCase = (c: Case) => {
  const result = triage(tipOf(c));
  expect(result.priority).toBe(c.priority);
  if (c.rule) expect(result.priorityRule).toBe(c.rule);
  expect(result.classification).toBe(c.classification);
  expect([...result.flags].sort()).toEqual([...c.flags].sort());
  const cited = result.reasons.map((r) => r.evidence);
  for (const evidence of c.cites ?? []) expect(cited).toContain(evidence);
  const read = result.reasons.map((r) => r.signal);
  for (const signal of c.neverReads ?? []) expect(read).not.toContain(signal);
};
