import type { Tip } from "@balagh/shared";
import { type Evidence, gatherEvidence, type Side } from "./evidence.js";
import { type Classification, decide, FLAGS, type Flag, type Priority, type PriorityRule } from "./rules.js";

export type { AnswerField, Side, Signal } from "./evidence.js";
export { CLASSIFICATIONS, FLAGS, PRIORITIES, PRIORITY_RULES } from "./rules.js";
export type { Classification, Flag, Priority, PriorityRule };

/** What one piece of evidence raised. */
export type Effect = `priority:${Priority}` | `flag:${Flag}` | `classification:${Side}`;

/** One answer or narrative phrase that raised something, quoted so that staff can see why. */
export type TriageReason = Pick<
  Evidence,
  "signal" | "source" | "field" | "evidence" | "phrase" | "language" | "points"
> & {
  /** The priority rule it fed, or else "flag", "classification" or "score". */
  rule: PriorityRule | "flag" | "classification" | "score";
  raised: Effect[];
};

export type TriageResult = {
  priority: Priority;
  priorityRule: PriorityRule;
  /** A suggestion for staff; never shown to the public as a legal finding. */
  classification: Classification;
  flags: Flag[];
  /** The sum of the reasons' points: orders tips within one priority. */
  score: number;
  reasons: TriageReason[];
};

const reasonOf = (e: Evidence, rules: PriorityRule[], raised: Effect[]): TriageReason => {
  const rule =
    rules[0] ?? (raised.some((r) => r.startsWith("flag:")) ? "flag" : raised.length > 0 ? "classification" : "score");
  return {
    rule,
    raised,
    signal: e.signal,
    source: e.source,
    ...(e.field && { field: e.field }),
    evidence: e.evidence,
    ...(e.phrase !== undefined && { phrase: e.phrase }),
    ...(e.language && { language: e.language }),
    points: e.points,
  };
};

/**
 * Triage of a validated tip (DOMAIN.md "Triage: priority levels"): a pure, deterministic function
 * of the answers and the narrative, with no I/O and no clock, so it runs anywhere and replays exactly.
 */
export const triage = (tip: Tip): TriageResult => {
  const evidence = gatherEvidence(tip);
  const decision = decide(tip, evidence);

  const rulesOf = new Map<Evidence, PriorityRule[]>();
  const raisedBy = new Map<Evidence, Effect[]>();
  const raise = (e: Evidence, effect: Effect) => {
    const raised = raisedBy.get(e) ?? [];
    if (!raised.includes(effect)) raised.push(effect);
    raisedBy.set(e, raised);
  };
  for (const [rule, cited] of decision.priorityEvidence) {
    for (const e of cited) {
      raise(e, `priority:${decision.priority}`);
      rulesOf.set(e, [...(rulesOf.get(e) ?? []), rule]);
    }
  }
  for (const [flag, cited] of decision.flags) for (const e of cited) raise(e, `flag:${flag}`);
  for (const e of decision.classificationEvidence) if (e.side) raise(e, `classification:${e.side}`);

  const reasons = evidence
    .filter((e) => e.points > 0 || raisedBy.has(e))
    .map((e) => reasonOf(e, rulesOf.get(e) ?? [], raisedBy.get(e) ?? []));

  return {
    priority: decision.priority,
    priorityRule: decision.priorityRule,
    classification: decision.classification,
    flags: FLAGS.filter((flag) => decision.flags.has(flag)),
    score: reasons.reduce((sum, r) => sum + r.points, 0),
    reasons,
  };
};
