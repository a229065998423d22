import type { Tip } from "@balagh/shared";

export type Priority = "P0" | "P1" | "P2" | "P3";
export type Classification = "trafficking" | "smuggling" | "both" | "unclear";
export type TriageReason = { rule: string; evidence: string };

export type TriageResult = {
  priority: Priority | null;
  classification: Classification | null;
  flags: string[];
  reasons: TriageReason[];
};

/** Seam for the triage issue: a pure function of the answers; until it lands, priority stays null ("not triaged"). */
export const triage = (_tip: Tip): TriageResult => ({ priority: null, classification: null, flags: [], reasons: [] });
