import type { Language } from "@shared/taxonomy.js";
import type { TipInput } from "@shared/tip.js";
import type { Draft } from "./state.js";

// The server refuses bidi overrides/isolates, the BOM and control characters (shared/src/text.ts).
// They are invisible, so the reporter could not find them to delete: drop them before sending.
const INVISIBLE = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

const clean = (value: string) => value.replace(INVISIBLE, "").trim();
const optional = (value: string) => clean(value) || undefined;

const compact = <T extends Record<string, unknown>>(object: T): T | undefined => {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
};

/** The draft as the server's `tipSchema` expects it; call only once every step has been validated. */
export const toTip = (draft: Draft, language: Language): TipInput => {
  const count = draft.count.trim() ? Number(draft.count.trim()) : undefined;
  const contact =
    draft.disclosure !== "anonymous" && clean(draft.contactMeans)
      ? compact({
          name: optional(draft.contactName),
          means: clean(draft.contactMeans),
          safeToContact: draft.safeToContact ?? "not_sure",
          safeTimes: optional(draft.safeTimes),
        })
      : undefined;
  return {
    language,
    dangerNow: draft.dangerNow ?? "not_sure",
    reporterRole: draft.reporterRole ?? "prefer_not_to_say",
    location: compact({
      country: draft.country,
      region: optional(draft.region),
      town: optional(draft.town),
      place: optional(draft.place),
    }) ?? { country: draft.country },
    when: draft.when ?? "earlier",
    situations: draft.situations,
    childInvolved: draft.childInvolved ?? "not_sure",
    people: compact({
      count,
      ageBands: draft.ageBands,
      sexes: draft.sexes,
      nationalities: draft.nationalities,
      languages: optional(draft.languages),
    }),
    indicators: draft.indicators,
    narrative: clean(draft.narrative),
    details: compact({
      suspects: optional(draft.suspects),
      vehicles: optional(draft.vehicles),
      boats: optional(draft.boats),
      phoneNumbers: optional(draft.phoneNumbers),
      places: optional(draft.places),
    }),
    otherCountries: draft.otherCountries.length > 0 ? draft.otherCountries : undefined,
    disclosure: draft.disclosure,
    contact: contact as TipInput["contact"],
    victimConsentPolice: draft.reporterRole === "victim" ? (draft.victimConsentPolice ?? "not_sure") : undefined,
  };
};
