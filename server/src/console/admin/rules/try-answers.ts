import { type Tip, tipSchema } from "@balagh/shared";
import type { AppDb } from "../../../db/types.js";
import type { Keys } from "../../../security/keys.js";
import { readTip } from "../../../tips/read.js";
import type { Viewer } from "../../../tips/scope.js";
import type { Translate } from "../../i18n.js";
import type { FieldError } from "../../ui/forms.js";
import { formValues, type RuleForm } from "./rule-draft.js";

/** The questions of the widget that triage and routing read; contact details and people change neither. */
export const TRY_LIST_FIELDS = ["situations", "indicators"] as const;

export const tryFieldId = (field: string) => `try-${field}`;

const one = (form: RuleForm, name: string) => {
  const value = form[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};
const codes = (value: string | undefined) =>
  value
    ?.split(/[\s,;]+/)
    .map((c) => c.toUpperCase())
    .filter(Boolean);

/** The form as POST /api/v1/tips would receive the same answers; the API's own schema judges them. */
export const tipOfForm = (form: RuleForm): unknown => {
  const region = one(form, "region");
  const otherCountries = codes(one(form, "otherCountries"));
  return {
    language: one(form, "language"),
    dangerNow: one(form, "dangerNow"),
    reporterRole: one(form, "reporterRole"),
    location: { country: one(form, "country")?.toUpperCase(), ...(region && { region }) },
    when: one(form, "when"),
    situations: formValues(form, "situations"),
    childInvolved: one(form, "childInvolved"),
    indicators: formValues(form, "indicators"),
    narrative: one(form, "narrative"),
    disclosure: one(form, "disclosure"),
    ...(otherCountries && { otherCountries }),
    ...(one(form, "victimConsentPolice") && { victimConsentPolice: one(form, "victimConsentPolice") }),
  };
};

const messageFor = (t: Translate, field: string) => {
  if (field === "narrative") return t("rules.try.error.narrative");
  if (field === "victimConsentPolice") return t("rules.try.error.consent");
  if (field === "otherCountries" || field === "country") return t("rules.try.error.codes");
  return t("rules.try.error.required");
};

export const parseTryForm = (t: Translate, form: RuleForm): { tip: Tip } | { errors: FieldError[] } => {
  const parsed = tipSchema.safeParse(tipOfForm(form));
  if (parsed.success) return { tip: parsed.data };
  const fields = [
    ...new Set(
      parsed.error.issues.map((issue) => String(issue.path[0] === "location" ? issue.path[1] : (issue.path[0] ?? ""))),
    ),
  ];
  return { errors: fields.map((field) => ({ field: tryFieldId(field), message: messageFor(t, field) })) };
};

/** The form filled with a tip's answers, as the member sees them on the tip's page. */
export const formOfTip = (tip: Tip): RuleForm => ({
  language: tip.language,
  dangerNow: tip.dangerNow,
  reporterRole: tip.reporterRole,
  country: tip.location.country,
  region: tip.location.region ?? "",
  when: tip.when,
  situations: [...tip.situations],
  childInvolved: tip.childInvolved,
  indicators: [...tip.indicators],
  narrative: tip.narrative,
  disclosure: tip.disclosure,
  otherCountries: (tip.otherCountries ?? []).join(" "),
  victimConsentPolice: tip.victimConsentPolice ?? "",
});

const defined = <T extends Record<string, unknown>>(value: T | null | undefined) =>
  value ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) : undefined;

/**
 * A received tip's answers, opened as its page opens them (readTip: the viewer's scope, the sealed
 * fields, and a `tip.view` entry in the audit log). null when the viewer may not see it or it does not exist.
 */
export const answersOfTip = async (
  db: AppDb,
  keys: Keys,
  viewer: Viewer,
  tipId: string,
  now: Date,
): Promise<{ tip: Tip } | { problem: "not_found" | "old_tip" }> => {
  const view = await readTip(db, keys, viewer, tipId, now);
  if (!view) return { problem: "not_found" };
  const rebuilt = tipSchema.safeParse({
    language: view.language,
    dangerNow: view.dangerNow,
    reporterRole: view.reporterRole,
    location: { country: view.country, ...defined(view.content.location as Record<string, unknown> | null) },
    when: view.when,
    situations: view.situations,
    childInvolved: view.childInvolved,
    indicators: view.indicators,
    narrative: view.content.narrative,
    disclosure: view.disclosure,
    ...(view.otherCountries.length > 0 && { otherCountries: view.otherCountries }),
    ...(view.victimConsentPolice && { victimConsentPolice: view.victimConsentPolice }),
    ...(view.content.people ? { people: view.content.people } : {}),
    ...(view.content.details ? { details: view.content.details } : {}),
    ...(view.content.contact ? { contact: view.content.contact } : {}),
  });
  return rebuilt.success ? { tip: rebuilt.data } : { problem: "old_tip" };
};
