import { involvesChild, type RoutingAgency, type RoutingInput, type RoutingRule, ruleMatches } from "./rules.js";

export type RouteDecision = { agencyId: string; role: "primary" | "notify"; ruleId: string | null; reason: string };
export type WithheldRoute = { agencyId: string; ruleId: string | null; reason: string };
export type RoutingTable = { rules: RoutingRule[]; agencies: RoutingAgency[] };
export type RoutingResult = { routes: RouteDecision[]; withheld: WithheldRoute[] };

export const LAW_ENFORCEMENT_KINDS = ["police", "gendarmerie", "coast_guard"];

/**
 * DOMAIN.md safety rule 11: an adult victim's own report reaches law enforcement only with their
 * consent, except in an emergency (P0) or when a child is involved.
 */
const needsConsent = (input: RoutingInput, agency: RoutingAgency | undefined) =>
  agency !== undefined &&
  LAW_ENFORCEMENT_KINDS.includes(agency.kind) &&
  input.reporterRole === "victim" &&
  !involvesChild(input) &&
  input.priority !== "P0" &&
  input.victimConsentPolice !== "yes";

const add = (routes: RouteDecision[], decision: RouteDecision) => {
  const existing = routes.find((r) => r.agencyId === decision.agencyId);
  if (!existing) routes.push(decision);
  else if (existing.role === "notify" && decision.role === "primary") Object.assign(existing, decision);
};

/**
 * Rules in order, then the invariants no rule can switch off: consent, child protection, the coordinating
 * agency, a primary agency.
 */
export const route = (input: RoutingInput, table: RoutingTable): RoutingResult => {
  const agencyById = new Map(table.agencies.map((a) => [a.id, a]));
  const routes: RouteDecision[] = [];
  const withheld: WithheldRoute[] = [];
  for (const rule of table.rules) {
    if (!ruleMatches(rule.conditions, input)) continue;
    if (needsConsent(input, agencyById.get(rule.agencyId))) {
      withheld.push({
        agencyId: rule.agencyId,
        ruleId: rule.id,
        reason: `${rule.name}: withheld, the adult victim did not consent to police`,
      });
      continue;
    }
    add(routes, { agencyId: rule.agencyId, role: rule.role, ruleId: rule.id, reason: rule.name });
  }
  const childProtection = table.agencies.find((a) => a.kind === "child_protection");
  if (involvesChild(input) && childProtection && !routes.some((r) => r.agencyId === childProtection.id)) {
    add(routes, {
      agencyId: childProtection.id,
      role: "primary",
      ruleId: null,
      reason: "a child is or may be involved: child protection always receives it",
    });
  }
  const coordinating = table.agencies.find((a) => a.isCoordinating);
  if (coordinating && !routes.some((r) => r.agencyId === coordinating.id)) {
    if (needsConsent(input, coordinating)) {
      withheld.push({
        agencyId: coordinating.id,
        ruleId: null,
        reason: "the coordinating agency is law enforcement: withheld, the adult victim did not consent to police",
      });
    } else {
      add(routes, {
        agencyId: coordinating.id,
        role: "notify",
        ruleId: null,
        reason: "the coordinating agency is informed of every tip",
      });
    }
  }
  const fallback = table.agencies.find((a) => a.isFallback);
  if (fallback && !routes.some((r) => r.role === "primary")) {
    add(routes, {
      agencyId: fallback.id,
      role: "primary",
      ruleId: null,
      reason: "no rule named a primary agency: the fallback agency receives it",
    });
  }
  return { routes, withheld: withheld.filter((w) => !routes.some((r) => r.agencyId === w.agencyId)) };
};
