import type { Tip } from "@balagh/shared";
import { type TriageResult, triage } from "../triage/index.js";
import { type RouteDecision, type RoutingTable, route, type WithheldRoute } from "./index.js";
import { routingInputOf } from "./input.js";
import { type RoutingInput, ruleMatches } from "./rules.js";

/** What one matching rule did: routed its agency, was held back by consent, or found it already decided. */
export type FiredRule = {
  ruleId: string;
  name: string;
  agencyId: string;
  role: "primary" | "notify";
  outcome: "routed" | "withheld" | "already_routed";
};

export type DryRun = {
  triage: TriageResult;
  input: RoutingInput;
  /** Matching rules, in the table's order. */
  fired: FiredRule[];
  /** Routes no rule made: child protection, the coordinating agency, the fallback. */
  addedByInvariants: RouteDecision[];
  withheld: WithheldRoute[];
  routes: RouteDecision[];
};

/** Intake's triage and routing of these answers, without writing anything: what a tip filed now would get. */
export const dryRun = (tip: Tip, table: RoutingTable): DryRun => {
  const triaged = triage(tip);
  const input = routingInputOf(tip, triaged);
  const result = route(input, table);
  const fired = table.rules
    .filter((rule) => ruleMatches(rule.conditions, input))
    .map((rule): FiredRule => {
      const decided = result.routes.find((r) => r.agencyId === rule.agencyId);
      const outcome =
        decided?.ruleId === rule.id
          ? "routed"
          : result.withheld.some((w) => w.ruleId === rule.id)
            ? "withheld"
            : "already_routed";
      return { ruleId: rule.id, name: rule.name, agencyId: rule.agencyId, role: rule.role, outcome };
    });
  return {
    triage: triaged,
    input,
    fired,
    addedByInvariants: result.routes.filter((r) => r.ruleId === null),
    withheld: result.withheld,
    routes: result.routes,
  };
};
