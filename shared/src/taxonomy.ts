export const DANGER_NOW = ["yes", "no", "not_sure"] as const;
export const REPORTER_ROLES = ["victim", "family_or_friend", "witness", "professional", "prefer_not_to_say"] as const;
export const WHEN = ["happening_now", "last_24_hours", "last_7_days", "earlier"] as const;
export const CHILD_INVOLVED = ["yes", "no", "not_sure"] as const;
export const DISCLOSURE_LEVELS = ["anonymous", "confidential", "may_share_identity"] as const;
export const VICTIM_CONSENT = ["yes", "no", "not_sure"] as const;
export const SAFE_TO_CONTACT = ["yes", "no", "not_sure"] as const;
export const LANGUAGES = ["fr", "ar", "en", "es"] as const;

export const SITUATIONS = [
  "child_forced_begging",
  "domestic_servitude",
  "slavery_by_descent",
  "forced_labour_fishing",
  "forced_labour_mining",
  "forced_labour_agriculture",
  "forced_labour_construction",
  "forced_labour_other",
  "sexual_exploitation",
  "forced_or_early_marriage",
  "children_used_in_crime",
  "held_captive_or_for_ransom",
  "unsafe_boat_departure",
  "paid_border_crossing",
  "other_or_not_sure",
] as const;

export const ILO_INDICATORS = [
  "abuse_of_vulnerability",
  "deception",
  "restricted_movement",
  "isolation",
  "physical_or_sexual_violence",
  "threats",
  "identity_papers_taken",
  "wages_withheld",
  "debt_bondage",
  "abusive_conditions",
  "excessive_hours",
] as const;

export const CHILD_INDICATORS = [
  "child_no_contact_with_parents",
  "child_no_school",
  "child_unsuitable_work",
  "child_travelling_alone_or_with_non_relatives",
  "child_eats_apart",
  "child_intimidated",
  "child_begging_quota",
] as const;

export const ROUTE_INDICATORS = [
  "paid_to_cross_border",
  "dangerous_journey",
  "held_while_family_asked_for_money",
  "travel_debt",
] as const;

export const INDICATORS = [...ILO_INDICATORS, ...CHILD_INDICATORS, ...ROUTE_INDICATORS] as const;

export const AGE_BANDS = ["under_12", "12_to_17", "adult", "unknown"] as const;
export const SEXES = ["female", "male", "other", "unknown"] as const;

export type DangerNow = (typeof DANGER_NOW)[number];
export type ReporterRole = (typeof REPORTER_ROLES)[number];
export type When = (typeof WHEN)[number];
export type ChildInvolved = (typeof CHILD_INVOLVED)[number];
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];
export type Language = (typeof LANGUAGES)[number];
export type Situation = (typeof SITUATIONS)[number];
export type Indicator = (typeof INDICATORS)[number];
