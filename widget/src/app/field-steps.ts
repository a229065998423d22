import type { Field, StepId } from "./state.js";

/** Which step asks for each field: server issues and review links land on the right screen. */
export const FIELD_STEP: Record<Field, StepId> = {
  dangerNow: "danger",
  reporterRole: "role",
  country: "where",
  region: "where",
  town: "where",
  place: "where",
  when: "where",
  situations: "what",
  indicators: "what",
  childInvolved: "child",
  count: "people",
  ageBands: "people",
  sexes: "people",
  nationalities: "people",
  languages: "people",
  narrative: "narrative",
  suspects: "details",
  vehicles: "details",
  boats: "details",
  phoneNumbers: "details",
  places: "details",
  otherCountries: "details",
  disclosure: "disclosure",
  contactName: "disclosure",
  contactMeans: "disclosure",
  safeToContact: "disclosure",
  safeTimes: "disclosure",
  victimConsentPolice: "disclosure",
};

/** The steps that ask for any of `fields`. */
export const stepsOf = (fields: readonly string[]): Set<StepId> => new Set(fields.map((f) => FIELD_STEP[f as Field]));
