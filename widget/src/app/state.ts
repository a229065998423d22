import type {
  AGE_BANDS,
  ChildInvolved,
  DangerNow,
  DisclosureLevel,
  Indicator,
  Language,
  ReporterRole,
  SAFE_TO_CONTACT,
  SEXES,
  Situation,
  VICTIM_CONSENT,
  When,
} from "@shared/taxonomy.js";
import type { TipInput } from "@shared/tip.js";

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
  | { kind: "receipt"; receipt: string };

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

// Names the server uses in issue paths ("tip.contact.means") that differ from the draft's.
const SERVER_NAMES: Record<string, Field> = {
  name: "contactName",
  means: "contactMeans",
  location: "country",
  people: "count",
  details: "suspects",
  contact: "contactMeans",
};

/** "tip.location.region" → "region"; null when the path names nothing the reporter can change. */
export const fieldOfIssuePath = (path: string): Field | null => {
  const parts = path.split(".").filter((p) => p !== "tip" && !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (part in FIELD_STEP) return part as Field;
    if (part in SERVER_NAMES) return SERVER_NAMES[part] as Field;
  }
  return null;
};

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
