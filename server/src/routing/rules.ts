import {
  type CHILD_INVOLVED,
  countryCode,
  DISCLOSURE_LEVELS,
  LANGUAGES,
  REPORTER_ROLES,
  SITUATIONS,
  VICTIM_CONSENT,
} from "@balagh/shared";
import { z } from "zod";

export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export const CLASSIFICATIONS = ["trafficking", "smuggling", "both", "unclear"] as const;

/** Every condition present must hold; an absent one matches anything. */
export const ruleConditionsSchema = z.strictObject({
  countries: z.array(countryCode).min(1).optional(),
  regions: z
    .array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "must be a region code (ISO 3166-2), such as MR-13"))
    .min(1)
    .optional(),
  priorities: z.array(z.enum(PRIORITIES)).min(1).optional(),
  child: z.boolean().optional(),
  classifications: z.array(z.enum(CLASSIFICATIONS)).min(1).optional(),
  situationsAny: z.array(z.enum(SITUATIONS)).min(1).optional(),
  reporterRoles: z.array(z.enum(REPORTER_ROLES)).min(1).optional(),
  consent: z
    .array(z.enum([...VICTIM_CONSENT, "not_asked"]))
    .min(1)
    .optional(),
  disclosures: z.array(z.enum(DISCLOSURE_LEVELS)).min(1).optional(),
  languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
  otherCountry: z.boolean().optional(),
});

export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export type RoutingRule = {
  id: string;
  name: string;
  conditions: RuleConditions;
  agencyId: string;
  role: "primary" | "notify";
};

export type RoutingAgency = { id: string; slug: string; kind: string; isFallback: boolean; isCoordinating: boolean };

/** What routing reads of a tip: structured answers and triage, never the narrative or identity. */
export type RoutingInput = {
  country: string;
  region: string | null;
  situations: string[];
  childInvolved: (typeof CHILD_INVOLVED)[number];
  reporterRole: (typeof REPORTER_ROLES)[number];
  victimConsentPolice: (typeof VICTIM_CONSENT)[number] | null;
  disclosure: (typeof DISCLOSURE_LEVELS)[number];
  language: (typeof LANGUAGES)[number];
  otherCountries: string[];
  priority: (typeof PRIORITIES)[number] | null;
  classification: (typeof CLASSIFICATIONS)[number] | null;
};

// Presumption of minority: "not sure" about a child counts as a child.
export const involvesChild = (input: Pick<RoutingInput, "childInvolved">) => input.childInvolved !== "no";

const within = <T>(allowed: readonly T[] | undefined, value: T) => allowed === undefined || allowed.includes(value);

export const ruleMatches = (c: RuleConditions, input: RoutingInput): boolean =>
  within(c.countries, input.country) &&
  (c.regions === undefined || (input.region !== null && c.regions.includes(input.region))) &&
  (c.priorities === undefined || (input.priority !== null && c.priorities.includes(input.priority))) &&
  (c.child === undefined || c.child === involvesChild(input)) &&
  (c.classifications === undefined ||
    (input.classification !== null && c.classifications.includes(input.classification))) &&
  (c.situationsAny === undefined || c.situationsAny.some((s) => input.situations.includes(s))) &&
  within(c.reporterRoles, input.reporterRole) &&
  within(c.consent, input.victimConsentPolice ?? "not_asked") &&
  within(c.disclosures, input.disclosure) &&
  within(c.languages, input.language) &&
  (c.otherCountry === undefined || c.otherCountry === input.otherCountries.length > 0);
