import type { Tip } from "@balagh/shared";
import type { tips } from "../db/schema.js";
import { PRIORITIES, type Priority, type TriageReason, triage } from "../triage/index.js";

type StoredTip = typeof tips.$inferSelect;

/** A reason read in a follow-up message rather than in the report itself. */
export type FollowupReason = Omit<TriageReason, "source"> & { source: "followup_message"; message: string };

export type Raise = { priority: Priority; reasons: FollowupReason[] };

const rank = (priority: string | null) => {
  const at = PRIORITIES.indexOf(priority as Priority);
  return at === -1 ? PRIORITIES.length : at;
};

/** The report's answers as stored (codes only), with the message in the narrative's place. */
const withMessage = (row: StoredTip, text: string) =>
  ({
    language: row.language,
    dangerNow: row.dangerNow,
    reporterRole: row.reporterRole,
    location: { country: row.country },
    when: row.when,
    situations: row.situations,
    childInvolved: row.childInvolved,
    indicators: row.indicators,
    narrative: text,
    disclosure: row.disclosure,
    ...(row.victimConsentPolice && { victimConsentPolice: row.victimConsentPolice }),
  }) as Tip;

/**
 * Triage reads the message as it reads a narrative, beside the report's own answers ("they leave
 * tonight" on a report of a boat departure is a boat leaving now). The tip is raised only when words
 * of the message are among what decided a priority above the current one: answers alone, already
 * weighed at intake, never raise it, and nothing ever lowers it.
 */
export const raiseFromMessage = (row: StoredTip, text: string, messageId: string): Raise | null => {
  const result = triage(withMessage(row, text));
  if (rank(result.priority) >= rank(row.priority)) return null;
  const read = result.reasons.filter((r) => r.source === "narrative");
  const decisive = read.some((r) => r.raised.includes(`priority:${result.priority}`));
  if (!decisive) return null;
  return {
    priority: result.priority,
    reasons: read.map((r) => ({ ...r, source: "followup_message", message: messageId })),
  };
};
