import type { RuleDraft, RuleField, RuleProblem, StoredRule } from "../../../routing/edit.js";
import type { Translate } from "../../i18n.js";
import type { FieldError } from "../../ui/forms.js";

/** A posted form as text and lists of text; anything else (a file) is dropped. */
export type RuleForm = Record<string, string | string[]>;

export const LIST_FIELDS = [
  "priorities",
  "classifications",
  "situationsAny",
  "reporterRoles",
  "consent",
  "disclosures",
  "languages",
] as const;
const CODE_FIELDS = ["countries", "regions"] as const;
const YES_NO_FIELDS = ["child", "otherCountry"] as const;

/** `lists` names the fields that are checkboxes: every value kept; other fields keep their first. */
export const ruleFormOf = (body: Record<string, unknown>, lists: readonly string[] = LIST_FIELDS): RuleForm => {
  const form: RuleForm = {};
  for (const [name, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    form[name] = lists.includes(name) ? values : (values[0] ?? "");
  }
  return form;
};

/** A one-answer field's text; "" when it is missing. */
export const formText = (form: RuleForm, name: string) => {
  const value = form[name];
  return typeof value === "string" ? value : "";
};
/** A checkbox field's values; none when it is missing. */
export const formValues = (form: RuleForm, name: string) => {
  const value = form[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

/** Codes typed with spaces or commas; the schema then checks each one. */
const codes = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);

/** An empty question matches anything: it is left out of the conditions, not stored as an empty list. */
export const draftOf = (form: RuleForm): RuleDraft => {
  const conditions: Record<string, unknown> = {};
  for (const field of CODE_FIELDS) {
    const values = codes(formText(form, field));
    if (values.length > 0) conditions[field] = values;
  }
  for (const field of LIST_FIELDS) {
    const values = [...new Set(formValues(form, field))];
    if (values.length > 0) conditions[field] = values;
  }
  for (const field of YES_NO_FIELDS) {
    const value = formText(form, field);
    if (value !== "") conditions[field] = value === "yes" ? true : value === "no" ? false : value;
  }
  return {
    name: formText(form, "name"),
    agencyId: formText(form, "agencyId"),
    role: formText(form, "role"),
    conditions,
  };
};

/** The form as a stored rule fills it, for the edit page. */
export const formOfRule = (rule: StoredRule): RuleForm => {
  const c = rule.conditions;
  const yesNo = (value: boolean | undefined) => (value === undefined ? "" : value ? "yes" : "no");
  return {
    name: rule.name,
    agencyId: rule.agencyId,
    role: rule.role,
    countries: (c.countries ?? []).join(" "),
    regions: (c.regions ?? []).join(" "),
    child: yesNo(c.child),
    otherCountry: yesNo(c.otherCountry),
    ...Object.fromEntries(LIST_FIELDS.map((field) => [field, [...(c[field] ?? [])]])),
  };
};

/** The id of the input the error summary links to: the first checkbox or radio of a group. */
export const ruleFieldId = (field: RuleField) => `rule-${field}`;

const messageOf = (t: Translate, field: RuleField, problem: RuleProblem) => {
  if (problem === "value_unknown" && field === "countries") return t("rules.error.countries");
  if (problem === "value_unknown" && field === "regions") return t("rules.error.regions");
  return t(`rules.error.${problem}`);
};

export const ruleErrors = (t: Translate, errors: { field: RuleField; problem: RuleProblem }[]): FieldError[] =>
  errors.map((e) => ({ field: ruleFieldId(e.field), message: messageOf(t, e.field, e.problem) }));
