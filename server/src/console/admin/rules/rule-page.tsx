import {
  type ConsoleLanguage,
  DISCLOSURE_LEVELS,
  LANGUAGES,
  REPORTER_ROLES,
  SITUATIONS,
  VICTIM_CONSENT,
} from "@balagh/shared";
import type { Context } from "hono";
import type { RuleField } from "../../../routing/edit.js";
import { CLASSIFICATIONS, PRIORITIES } from "../../../routing/rules.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import type { Translate } from "../../i18n.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { Checkboxes, Radios, Select, ShortText } from "../../ui/fields.js";
import { Button, ErrorSummary, errorFor, type FieldError, PostForm } from "../../ui/forms.js";
import { formText, formValues, type RuleForm, ruleFieldId } from "./rule-draft.js";
import { RULES_CSS_PATH } from "./rules-css.js";

export const RULES_PATH = "/console/admin/rules";
export const rulePath = (id: string) => `${RULES_PATH}/${encodeURIComponent(id)}`;

export type AgencyChoice = { id: string; name: string; slug: string; disabled: boolean };

type RulePageProps = {
  /** null for a new rule. */
  ruleId: string | null;
  form: RuleForm;
  errors: FieldError[];
  agencies: AgencyChoice[];
};

const YesNoAny = ({ t, field, form, error }: { t: Translate; field: RuleField; form: RuleForm; error?: string }) => (
  <Radios
    t={t}
    id={ruleFieldId(field)}
    name={field}
    label={t(`rules.form.${field as "child" | "otherCountry"}`)}
    error={error}
    checked={formText(form, field)}
    choices={[
      { value: "", label: t("rules.form.any") },
      { value: "yes", label: t("rules.form.yes") },
      { value: "no", label: t("rules.form.no") },
    ]}
  />
);

/** Create or edit one rule (admins): every question of the conditions, each with its message beside it. */
export const rulePage = (c: Context<ViewerEnv>, props: RulePageProps) => {
  const t = textOf(c);
  const language: ConsoleLanguage = c.var.language;
  const { form, errors } = props;
  const error = (field: RuleField) => errorFor(errors, ruleFieldId(field));
  const languageName = new Intl.DisplayNames([language], { type: "language" });
  const checkboxes = (field: RuleField, choices: { value: string; label: string }[]) => (
    <Checkboxes
      t={t}
      id={ruleFieldId(field)}
      name={field}
      label={t(`rules.form.${field as "priorities"}`)}
      error={error(field)}
      checked={formValues(form, field)}
      choices={choices}
    />
  );
  const title = props.ruleId ? t("rules.form.editTitle") : t("rules.form.newTitle");
  const agency = formText(form, "agencyId");
  return renderPage(
    c,
    {
      title,
      status: errors.length > 0 ? 422 : 200,
      hasErrors: errors.length > 0,
      here: props.ruleId ? `${rulePath(props.ruleId)}/edit` : `${RULES_PATH}/new`,
    },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={RULES_CSS_PATH} />
      <p>
        <a href={RULES_PATH}>{t("rules.form.back")}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <h1>{title}</h1>
      <PostForm action={props.ruleId ? rulePath(props.ruleId) : RULES_PATH} csrfToken={c.var.session.csrfToken}>
        <ShortText
          t={t}
          id={ruleFieldId("name")}
          name="name"
          label={t("rules.form.name")}
          hint={t("rules.form.nameHint")}
          value={formText(form, "name")}
          error={error("name")}
        />
        <Select
          t={t}
          id={ruleFieldId("agencyId")}
          name="agencyId"
          label={t("rules.form.agency")}
          error={error("agencyId")}
          selected={agency}
          choices={[
            { value: "", label: t("rules.form.chooseAgency") },
            // A disabled agency is listed only when the rule already names it, so the page shows what is stored.
            ...props.agencies
              .filter((a) => !a.disabled || a.id === agency)
              .map((a) => ({ value: a.id, label: a.disabled ? t("rules.form.agencyOff", { name: a.name }) : a.name })),
          ]}
        />
        <Radios
          t={t}
          id={ruleFieldId("role")}
          name="role"
          label={t("rules.form.role")}
          error={error("role")}
          checked={formText(form, "role")}
          choices={[
            { value: "primary", label: t("tip.route.primary") },
            { value: "notify", label: t("tip.route.notify") },
          ]}
        />
        <h2>{t("rules.form.conditions")}</h2>
        <p class="hint">{t("rules.form.conditionsHint")}</p>
        {checkboxes(
          "situationsAny",
          SITUATIONS.map((s) => ({ value: s, label: t(`queue.situation.${s}`) })),
        )}
        <YesNoAny t={t} field="child" form={form} error={error("child")} />
        {checkboxes(
          "priorities",
          PRIORITIES.map((p) => ({ value: p, label: p })),
        )}
        {checkboxes(
          "classifications",
          CLASSIFICATIONS.map((v) => ({ value: v, label: t(`tip.classification.${v}`) })),
        )}
        {checkboxes(
          "reporterRoles",
          REPORTER_ROLES.map((v) => ({ value: v, label: t(`rules.reporter.${v}`) })),
        )}
        {checkboxes(
          "consent",
          [...VICTIM_CONSENT, "not_asked" as const].map((v) => ({ value: v, label: t(`rules.consent.${v}`) })),
        )}
        <ShortText
          t={t}
          id={ruleFieldId("countries")}
          name="countries"
          label={t("rules.form.countries")}
          hint={t("rules.form.countriesHint")}
          value={formText(form, "countries")}
          error={error("countries")}
          code
        />
        <ShortText
          t={t}
          id={ruleFieldId("regions")}
          name="regions"
          label={t("rules.form.regions")}
          hint={t("rules.form.regionsHint")}
          value={formText(form, "regions")}
          error={error("regions")}
          code
        />
        <YesNoAny t={t} field="otherCountry" form={form} error={error("otherCountry")} />
        {checkboxes(
          "disclosures",
          DISCLOSURE_LEVELS.map((v) => ({ value: v, label: t(`rules.disclosure.${v}`) })),
        )}
        {checkboxes(
          "languages",
          LANGUAGES.map((v) => ({ value: v, label: languageName.of(v) ?? v })),
        )}
        <Button>{t("rules.form.save")}</Button>
      </PostForm>
      {props.ruleId && (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t("rules.delete")}</h2>
          <p class="hint">{t("rules.deleteHint")}</p>
          <PostForm action={`${rulePath(props.ruleId)}/delete`} csrfToken={c.var.session.csrfToken}>
            <Button variant="warning">{t("rules.delete")}</Button>
          </PostForm>
        </section>
      )}
    </>,
  );
};
