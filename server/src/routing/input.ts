import { regionCodeOf, type Tip } from "@balagh/shared";
import type { tips } from "../db/schema.js";
import type { TriageResult } from "../triage/index.js";
import type { RoutingInput } from "./rules.js";

export const routingInputOf = (tip: Tip, triage: Pick<TriageResult, "priority" | "classification">): RoutingInput => ({
  country: tip.location.country,
  region: regionCodeOf(tip.location.country, tip.location.region),
  situations: tip.situations,
  childInvolved: tip.childInvolved,
  reporterRole: tip.reporterRole,
  victimConsentPolice: tip.victimConsentPolice ?? null,
  disclosure: tip.disclosure,
  language: tip.language,
  otherCountries: tip.otherCountries ?? [],
  priority: triage.priority ?? null,
  classification: triage.classification ?? null,
});

type StoredTip = typeof tips.$inferSelect;

/** The same input rebuilt from a stored tip, for re-routing after a staff override. */
export const routingInputOfRow = (row: StoredTip): RoutingInput => ({
  country: row.country,
  region: row.regionCode,
  situations: row.situations,
  childInvolved: row.childInvolved as RoutingInput["childInvolved"],
  reporterRole: row.reporterRole as RoutingInput["reporterRole"],
  victimConsentPolice: row.victimConsentPolice as RoutingInput["victimConsentPolice"],
  disclosure: row.disclosure as RoutingInput["disclosure"],
  language: row.language as RoutingInput["language"],
  otherCountries: row.otherCountries,
  priority: row.priority as RoutingInput["priority"],
  classification: row.classification as RoutingInput["classification"],
});
