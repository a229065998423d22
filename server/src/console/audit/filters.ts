import type { Translate } from "../i18n.js";
import type { FieldError } from "../ui/forms.js";
import type { AuditFilters } from "./query.js";

export const FILTER_NAMES = ["actor", "tip", "action", "from", "to"] as const;
export type FilterValues = Partial<Record<(typeof FILTER_NAMES)[number], string>>;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day in UTC, as the page shows times; null when it is not one (2026-02-30 included). */
const dayOf = (value: string) => {
  const match = DATE.exec(value);
  if (!match) return null;
  const at = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? null : at;
};

/** The query's filters, or the problems to show beside their fields. `to` includes the whole day. */
export const readAuditFilters = (t: Translate, query: (name: string) => string | undefined) => {
  const values: FilterValues = {};
  for (const name of FILTER_NAMES) {
    const value = query(name)?.trim();
    if (value) values[name] = value;
  }
  const errors: FieldError[] = [];
  const filters: AuditFilters = {};
  if (values.actor) filters.actor = values.actor;
  if (values.tip) filters.tip = values.tip;
  if (values.action) filters.action = values.action;
  for (const name of ["from", "to"] as const) {
    const value = values[name];
    if (!value) continue;
    const day = dayOf(value);
    if (!day) errors.push({ field: name, message: t("audit.error.date") });
    else filters[name] = name === "to" ? new Date(day.getTime() + DAY_MS) : day;
  }
  if (filters.from && filters.to && filters.from >= filters.to) {
    errors.push({ field: "from", message: t("audit.error.range") });
  }
  return { values, filters, errors };
};
