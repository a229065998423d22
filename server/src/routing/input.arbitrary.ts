import {
  CHILD_INVOLVED,
  DISCLOSURE_LEVELS,
  LANGUAGES,
  REPORTER_ROLES,
  SITUATIONS,
  VICTIM_CONSENT,
} from "@balagh/shared";
import fc from "fast-check";
import type { RoutingInput } from "./rules.js";

/** Any tip routing may be asked about, untriaged ones included. */
export const routingInput = fc.record<RoutingInput>({
  country: fc.constantFrom("MR", "SN", "ML", "MA", "DZ", "ES"),
  region: fc.option(fc.constantFrom("Nouakchott-Ouest", "Nouadhibou"), { nil: null }),
  situations: fc.uniqueArray(fc.constantFrom(...SITUATIONS), { maxLength: 5 }),
  childInvolved: fc.constantFrom(...CHILD_INVOLVED),
  reporterRole: fc.constantFrom(...REPORTER_ROLES),
  victimConsentPolice: fc.option(fc.constantFrom(...VICTIM_CONSENT), { nil: null }),
  disclosure: fc.constantFrom(...DISCLOSURE_LEVELS),
  language: fc.constantFrom(...LANGUAGES),
  otherCountries: fc.uniqueArray(fc.constantFrom("ES", "LY", "SN"), { maxLength: 2 }),
  priority: fc.option(fc.constantFrom("P0", "P1", "P2", "P3"), { nil: null }),
  classification: fc.option(fc.constantFrom("trafficking", "smuggling", "both", "unclear"), { nil: null }),
});
