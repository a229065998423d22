import { z } from "zod";
import type { AuditEntry } from "../audit/append.js";
import { CLASSIFICATIONS, type Classification, PRIORITIES, type Priority } from "./rules.js";

/**
 * Audit actions of a staff override of triage, appended with `appendAudit`: `subject` is the tip id, `actor` who,
 * `details` an `OverrideDetails` ({ from, to, reason }). The console writes them; `pnpm balagh triage report` reads them.
 */
export const PRIORITY_OVERRIDE = "tip.priority.override";
export const CLASSIFICATION_OVERRIDE = "tip.classification.override";

export type OverrideDetails<T> = { from: T; to: T; reason: string };

export type Override =
  | { field: "priority"; details: OverrideDetails<Priority> }
  | { field: "classification"; details: OverrideDetails<Classification> };

const detailsOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object({ from: z.enum(values), to: z.enum(values), reason: z.string() });

const OVERRIDE_DETAILS = {
  [PRIORITY_OVERRIDE]: { field: "priority", details: detailsOf(PRIORITIES) },
  [CLASSIFICATION_OVERRIDE]: { field: "classification", details: detailsOf(CLASSIFICATIONS) },
} as const;

/** An override read back from the audit log, or null when the entry is not one (or not well formed). */
export const readOverride = (entry: Pick<AuditEntry, "action" | "details">): Override | null => {
  const known = OVERRIDE_DETAILS[entry.action as keyof typeof OVERRIDE_DETAILS];
  const details = known?.details.safeParse(entry.details);
  return known && details?.success ? ({ field: known.field, details: details.data } as Override) : null;
};

const urgency = (priority: string | null) => PRIORITIES.indexOf(priority as Priority);

/** "lowered" when staff made the tip less urgent than triage did (P1 → P3), "raised" when more urgent. */
export const priorityChange = (triage: string | null, staff: string | null) => {
  if (urgency(triage) < 0 || urgency(staff) < 0) return "unchanged";
  const change = urgency(staff) - urgency(triage);
  return change > 0 ? "lowered" : change < 0 ? "raised" : "unchanged";
};
