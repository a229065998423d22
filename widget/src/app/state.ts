import type {
  AGE_BANDS,
  ChildInvolved,
  DangerNow,
  DisclosureLevel,
  Indicator,
  ReporterRole,
  SAFE_TO_CONTACT,
  SEXES,
  Situation,
  VICTIM_CONSENT,
  When,
} from "@shared/taxonomy.js";

export type AgeBand = (typeof AGE_BANDS)[number];
export type Sex = (typeof SEXES)[number];
export type SafeToContact = (typeof SAFE_TO_CONTACT)[number];
export type VictimConsent = (typeof VICTIM_CONSENT)[number];

/**
 * The report being written. It lives in this object only (component state): never in a cookie,
 * web storage, IndexedDB or the URL, so closing or quitting the page leaves nothing behind.
 * Text is kept as typed; `toTip` trims and drops what is empty.
 */
export type Draft = {
  dangerNow: DangerNow | null;
  reporterRole: ReporterRole | null;
  country: string;
  region: string;
  town: string;
  place: string;
  when: When | null;
  situations: Situation[];
  indicators: Indicator[];
  childInvolved: ChildInvolved | null;
  count: string;
  ageBands: AgeBand[];
  sexes: Sex[];
  nationalities: string[];
  languages: string;
  narrative: string;
  suspects: string;
  vehicles: string;
  boats: string;
  phoneNumbers: string;
  places: string;
  otherCountries: string[];
  disclosure: DisclosureLevel;
  contactName: string;
  contactMeans: string;
  safeToContact: SafeToContact | null;
  safeTimes: string;
  victimConsentPolice: VictimConsent | null;
};

export type Field = keyof Draft;

export const emptyDraft = (country: string): Draft => ({
  dangerNow: null,
  reporterRole: null,
  country,
  region: "",
  town: "",
  place: "",
  when: null,
  situations: [],
  indicators: [],
  childInvolved: null,
  count: "",
  ageBands: [],
  sexes: [],
  nationalities: [],
  languages: "",
  narrative: "",
  suspects: "",
  vehicles: "",
  boats: "",
  phoneNumbers: "",
  places: "",
  otherCountries: [],
  // Anonymous unless the reporter chooses otherwise (DOMAIN.md, safety requirement 7).
  disclosure: "anonymous",
  contactName: "",
  contactMeans: "",
  safeToContact: null,
  safeTimes: "",
  victimConsentPolice: null,
});

export const STEPS = [
  "danger",
  "role",
  "where",
  "what",
  "child",
  "people",
  "narrative",
  "details",
  "disclosure",
] as const;
export type StepId = (typeof STEPS)[number];

export type Screen =
  | { kind: "step"; step: StepId }
  | { kind: "review" }
  | { kind: "send" }
  | { kind: "receipt"; receipt: string }
  /** "I already reported": the receipt typed back, the status and the conversation (followup/). */
  | { kind: "followup" };

/** Counted like the server counts (code points), so the counter and the limit agree with it. */
export const codePoints = (value: string): number => {
  let n = 0;
  for (const _ of value) n++;
  return n;
};

/** An Idempotency-Key; randomUUID needs a secure context, so fall back to the same 122 random bits. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
};
