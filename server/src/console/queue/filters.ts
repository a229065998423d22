import { CHILD_INVOLVED, REGIONS, ROUTE_COUNTRIES, SITUATIONS } from "@balagh/shared";
import { TIP_CHANNELS } from "../../intake/store.js";
import type { TipFilters } from "../../tips/list.js";
import { STAFF_STATUSES, type StaffStatus } from "../../tips/statuses.js";
import { PRIORITIES, type Priority } from "../../triage/index.js";

export const FILTER_FIELDS = [
  "status",
  "priority",
  "agency",
  "country",
  "region",
  "situation",
  "child",
  "partner",
  "from",
  "to",
  "waiting",
  "channel",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The form's values as the page shows them back; a value that was ignored is not among them. */
export type FilterValues = Record<Exclude<FilterField, "priority">, string> & { priority: Priority[] };

/** What the filter form may choose from, read once per page (agencies and partners live in the database). */
export type FilterChoices = { agencies: { id: string; slug: string; name: string }[]; partnerKeys: string[] };

export const ALL_STATUSES = "all";
/** The "waiting for us" filter's one value: a reporter's message that no one has answered. */
export const WAITING_FOR_US = "us";
export const REGION_CODES = Object.values(REGIONS).flatMap((regions) => regions.map((r) => r.code));
export const COUNTRY_CODES = ROUTE_COUNTRIES.map((c) => c.code);

const DAY_MS = 86_400_000;

/** A calendar day as a date input sends it (yyyy-mm-dd), at midnight UTC, the hotline's time in Mauritania. */
const dayOf = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text ? null : day;
};

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The queue's GET form read from the address. A value that is not one of the choices is ignored
 * (named in `ignored`, never an error page): addresses get typed, pasted and edited by hand.
 */
export const readFilters = (query: (name: string) => string[], choices: FilterChoices) => {
  const first = (name: FilterField) => (query(name)[0] ?? "").trim();
  const ignored: FilterField[] = [];
  const values: FilterValues = {
    status: "",
    priority: [],
    agency: "",
    country: "",
    region: "",
    situation: "",
    child: "",
    partner: "",
    from: "",
    to: "",
    waiting: "",
    channel: "",
  };
  const filters: TipFilters = {};
  const keep = (field: Exclude<FilterField, "priority">, ok: boolean, apply: (value: string) => void) => {
    const value = first(field);
    if (value === "") return;
    if (!ok) {
      ignored.push(field);
      return;
    }
    values[field] = value;
    apply(value);
  };

  const status = first("status");
  keep("status", status === ALL_STATUSES || oneOf(STAFF_STATUSES, status), (v) => {
    filters.statuses = v === ALL_STATUSES ? STAFF_STATUSES : [v as StaffStatus];
  });
  const priorities = query("priority").filter((p) => p !== "");
  values.priority = priorities.filter((p): p is Priority => oneOf(PRIORITIES, p));
  if (values.priority.length < priorities.length) ignored.push("priority");
  if (values.priority.length > 0) filters.priorities = values.priority;
  const agency = choices.agencies.find((a) => a.slug === first("agency"));
  keep("agency", agency !== undefined, () => {
    if (agency) filters.agencyId = agency.id;
  });
  keep("country", oneOf(COUNTRY_CODES, first("country")), (v) => {
    filters.country = v;
  });
  keep("region", REGION_CODES.includes(first("region")), (v) => {
    filters.regionCode = v;
  });
  keep("situation", oneOf(SITUATIONS, first("situation")), (v) => {
    filters.situation = v;
  });
  keep("child", oneOf(CHILD_INVOLVED, first("child")), (v) => {
    filters.childInvolved = v as TipFilters["childInvolved"];
  });
  keep("partner", choices.partnerKeys.includes(first("partner")), (v) => {
    filters.partnerKey = v;
  });
  const from = dayOf(first("from"));
  keep("from", from !== null, () => {
    if (from) filters.from = from;
  });
  const to = dayOf(first("to"));
  keep("to", to !== null && (!from || to >= from), () => {
    // The last day is included: the range ends at the following midnight.
    if (to) filters.to = new Date(to.getTime() + DAY_MS);
  });
  keep("waiting", first("waiting") === WAITING_FOR_US, () => {
    filters.awaitingReply = true;
  });
  keep("channel", oneOf(TIP_CHANNELS, first("channel")), (v) => {
    filters.channel = v;
  });
  const active = Object.entries(values).some(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ""));
  return { values, filters, ignored, active };
};

export type ReadFilters = ReturnType<typeof readFilters>;

/** The same filters as query parameters, for the next-page link. */
export const filterQuery = (values: FilterValues) => {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = values[field];
    if (Array.isArray(value)) for (const v of value) params.append(field, v);
    else if (value !== "") params.set(field, value);
  }
  return params;
};
