import { codePointLength, NARRATIVE_MAX, SHORT_TEXT_MAX } from "@balagh/shared";
import type { IntakeIssue } from "../../tips/intake-by-staff.js";
import type { Translate } from "../i18n.js";
import type { FieldError } from "../ui/forms.js";

/** What the intake form sent: one string per field, a list for the fields that take several. */
export type IntakeForm = Record<string, string | string[]>;

export const LIST_FIELDS = [
  "situations",
  "indicators",
  "ageBands",
  "sexes",
  "nationalities",
  "otherCountries",
] as const;
type ListField = (typeof LIST_FIELDS)[number];

export const TEXT_FIELDS = [
  "region",
  "town",
  "place",
  "peopleLanguages",
  "narrative",
  "suspects",
  "vehicles",
  "boats",
  "phoneNumbers",
  "places",
  "contactName",
  "contactMeans",
  "safeTimes",
] as const;

export const CONTACT_FIELDS = ["contactName", "contactMeans", "safeToContact", "safeTimes"] as const;

export const one = (form: IntakeForm, name: string): string => {
  const value = form[name];
  return typeof value === "string" ? value : (value?.[0] ?? "");
};

export const many = (form: IntakeForm, name: ListField): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== "");
};

/** The body as parsed with `all: true`; files are not expected and read as empty. */
export const intakeFormOf = (body: Record<string, unknown>): IntakeForm =>
  Object.fromEntries(
    Object.entries(body).map(([name, value]) => [
      name,
      Array.isArray(value)
        ? value.filter((v): v is string => typeof v === "string")
        : typeof value === "string"
          ? value
          : "",
    ]),
  );

/** Empty or blank is "not given"; anything else goes to the schema exactly as typed. */
const given = (value: string) => (value.trim() === "" ? undefined : value);

const compact = (object: Record<string, unknown>) => {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
};

/** A count as digits becomes a number; anything else is passed on for the schema to refuse. */
const countOf = (text: string) => {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
};

/**
 * The form as the shared tip schema expects it, the way the widget builds it: blank optional answers
 * are left out, contact details only when some are given, the victim's consent only for a victim.
 * Nothing is corrected or dropped silently beyond that: the schema judges the rest.
 */
export const entryOf = (form: IntakeForm) => {
  const field = (name: string) => one(form, name);
  const role = field("reporterRole");
  const anyContact = CONTACT_FIELDS.some((name) => field(name).trim() !== "");
  return {
    tipId: field("tipId"),
    channel: field("channel"),
    tip: {
      language: given(field("language")),
      dangerNow: given(field("dangerNow")),
      reporterRole: given(role),
      location: {
        country: field("country"),
        ...compact({ region: given(field("region")), town: given(field("town")), place: given(field("place")) }),
      },
      when: given(field("when")),
      situations: many(form, "situations"),
      childInvolved: given(field("childInvolved")),
      people: compact({
        count: countOf(field("count")),
        ageBands: many(form, "ageBands"),
        sexes: many(form, "sexes"),
        nationalities: many(form, "nationalities"),
        languages: given(field("peopleLanguages")),
      }),
      indicators: many(form, "indicators"),
      narrative: field("narrative"),
      details: compact({
        suspects: given(field("suspects")),
        vehicles: given(field("vehicles")),
        boats: given(field("boats")),
        phoneNumbers: given(field("phoneNumbers")),
        places: given(field("places")),
      }),
      otherCountries: many(form, "otherCountries").length > 0 ? many(form, "otherCountries") : undefined,
      disclosure: given(field("disclosure")),
      contact: anyContact
        ? compact({
            name: given(field("contactName")),
            means: field("contactMeans"),
            safeToContact: given(field("safeToContact")),
            safeTimes: given(field("safeTimes")),
          })
        : undefined,
      victimConsentPolice: role === "victim" ? given(field("victimConsentPolice")) : undefined,
    },
  };
};

/** The schema's path of a problem, as the id of the form's field that holds it. */
const FIELD_OF_PATH: Record<string, string> = {
  channel: "channel",
  "tip.language": "language",
  "tip.dangerNow": "dangerNow",
  "tip.reporterRole": "reporterRole",
  "tip.victimConsentPolice": "victimConsentPolice",
  "tip.location.country": "country",
  "tip.location.region": "region",
  "tip.location.town": "town",
  "tip.location.place": "place",
  "tip.when": "when",
  "tip.situations": "situations",
  "tip.childInvolved": "childInvolved",
  "tip.people.count": "count",
  "tip.people.ageBands": "ageBands",
  "tip.people.sexes": "sexes",
  "tip.people.nationalities": "nationalities",
  "tip.people.languages": "peopleLanguages",
  "tip.indicators": "indicators",
  "tip.narrative": "narrative",
  "tip.details.suspects": "suspects",
  "tip.details.vehicles": "vehicles",
  "tip.details.boats": "boats",
  "tip.details.phoneNumbers": "phoneNumbers",
  "tip.details.places": "places",
  "tip.otherCountries": "otherCountries",
  "tip.disclosure": "disclosure",
  "tip.contact": "contact",
  "tip.contact.name": "contactName",
  "tip.contact.means": "contactMeans",
  "tip.contact.safeToContact": "safeToContact",
  "tip.contact.safeTimes": "safeTimes",
};

/** A list's item ("tip.situations.2") belongs to the list's field. */
const fieldOfPath = (path: string) => FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.replace(/\.\d+$/, "")] ?? null;

const textMessage = (t: Translate, field: string, value: string) => {
  if (value.trim() === "")
    return field === "contactMeans" ? t("intake.error.contactMeans") : t("intake.error.required");
  const max = field === "narrative" ? NARRATIVE_MAX : SHORT_TEXT_MAX;
  const length = codePointLength(value);
  if (length > max) return t("tip.error.tooLong", { length, max });
  return t("tip.error.control");
};

/** The question a choice answers, so that each message in the summary says which one it is about. */
const QUESTION: Record<string, Parameters<Translate>[0]> = {
  channel: "intake.channel.legend",
  language: "intake.language.label",
  dangerNow: "intake.danger.legend",
  reporterRole: "intake.role.legend",
  country: "intake.where.country",
  when: "intake.when.legend",
  childInvolved: "intake.child.legend",
  disclosure: "intake.disclosure.legend",
};

const messageFor = (t: Translate, field: string, form: IntakeForm) => {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return textMessage(t, field, one(form, field));
  if ((LIST_FIELDS as readonly string[]).includes(field)) return t("intake.error.fromList");
  if (field === "count") return t("intake.error.count");
  if (field === "contact") return t("intake.error.anonymousContact");
  if (field === "victimConsentPolice" && one(form, "reporterRole") === "victim") return t("intake.error.consent");
  if (field === "safeToContact" && one(form, "safeToContact") === "") return t("intake.error.safe");
  const question = QUESTION[field];
  return question ? t("intake.error.chooseFor", { question: t(question) }) : t("intake.error.chooseOne");
};

/**
 * One message per field, beside it and in the summary, in the form's order. A problem with no field
 * of its own (a forged or expired form id) is said at the top only.
 */
export const fieldErrorsOf = (t: Translate, issues: IntakeIssue[], form: IntakeForm, order: readonly string[]) => {
  const errors = new Map<string, FieldError>();
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (field === null) {
      errors.set("tipId", { field: "channel", message: t("intake.error.stale"), beside: false });
      continue;
    }
    if (!errors.has(field)) errors.set(field, { field, message: messageFor(t, field, form) });
  }
  const position = (e: FieldError) => {
    const at = order.indexOf(e.field);
    return e.beside === false ? -1 : at === -1 ? order.length : at;
  };
  return [...errors.values()].sort((a, b) => position(a) - position(b));
};
