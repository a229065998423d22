import type { Tip } from "@balagh/shared";
import type { TriageResult } from "../triage/index.js";

export type RouteDecision = { agencyId: string; role: "primary" | "notify"; ruleId: string | null; reason: string };
export type RoutingTable = { fallbackAgencyId: string | null };

/** Seam for the routing issue: a pure function; until rules land, every tip goes to the deployment's fallback agency. */
export const route = (_tip: Tip, _triage: TriageResult, table: RoutingTable): RouteDecision[] =>
  table.fallbackAgencyId
    ? [{ agencyId: table.fallbackAgencyId, role: "primary", ruleId: null, reason: "fallback agency of the deployment" }]
    : [];
