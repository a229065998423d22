import {
  AGE_BANDS,
  CHILD_INDICATORS,
  CHILD_INVOLVED,
  catalogs,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  ILO_INDICATORS,
  LANGUAGES,
  REPORTER_ROLES,
  ROUTE_INDICATORS,
  SAFE_TO_CONTACT,
  SEXES,
  SITUATIONS,
  VICTIM_CONSENT,
  WHEN,
} from "@balagh/shared";
import type { Context } from "hono";
import { STAFF_CHANNELS } from "../../tips/intake-by-staff.js";
import { TIP_CSS_PATH } from "../assets/routes.js";
import { renderPage, textOf } from "../render.js";
import type { ViewerEnv } from "../types.js";
import { Checkboxes, type Choice, Radios, Select, ShortText, TextArea } from "../ui/fields.js";
import { Button, errorFor, type FieldError, Hidden, PostForm } from "../ui/forms.js";
import { type IntakeForm, many, one } from "./answers.js";
import { MultiSelect, Optional } from "./choices.js";
import { countryChoices } from "./countries.js";
import { ErrorSummaryOf } from "./field-order.js";
import { INTAKE_CSS_PATH } from "./style.js";

export type IntakeFormView = { tipId: string; values: IntakeForm; errors: FieldError[] };

/**
 * The widget's questions for a member taking a call: one question per fieldset, the answers in the
 * words the widget shows the public, so they can be read out as they are.
 */
export const intakeFormPage = (c: Context<ViewerEnv>, view: IntakeFormView) => {
  const t = textOf(c);
  const language = c.var.language;
  const answers = catalogs[language];
  const { values, errors } = view;
  const value = (name: string) => one(values, name);
  const error = (name: string) => errorFor(errors, name);
  const optional = (label: string) => `${label} ${t("intake.optional")}`;
  const codes = <T extends string>(list: readonly T[], prefix: string): Choice[] =>
    list.map((code) => ({ value: code, label: (answers as Record<string, string>)[`${prefix}.${code}`] ?? code }));
  const languageNames = new Intl.DisplayNames([language], { type: "language" });
  const countries = countryChoices(language);
  return renderPage(
    c,
    {
      title: t("intake.title"),
      status: errors.length ? 422 : 200,
      hasErrors: errors.length > 0,
      here: "/console/intake",
    },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={INTAKE_CSS_PATH} />
      <ErrorSummaryOf t={t} errors={errors} />
      <h1>{t("intake.title")}</h1>
      <p class="lead intake-lead">{t("intake.lead")}</p>
      <PostForm action="/console/intake" csrfToken={c.var.session.csrfToken} className="intake-form">
        <Hidden name="tipId" value={view.tipId} />
        <Radios
          t={t}
          id="channel"
          name="channel"
          label={t("intake.channel.legend")}
          choices={STAFF_CHANNELS.map((ch) => ({ value: ch, label: t(`intake.channel.${ch}`) }))}
          checked={value("channel")}
          error={error("channel")}
        />
        <Select
          t={t}
          id="language"
          name="language"
          label={t("intake.language.label")}
          choices={LANGUAGES.map((code) => ({ value: code, label: languageNames.of(code) ?? code }))}
          selected={value("language") || language}
          error={error("language")}
        />
        <Radios
          t={t}
          id="dangerNow"
          name="dangerNow"
          label={t("intake.danger.legend")}
          hint={t("intake.danger.hint")}
          choices={codes(DANGER_NOW, "danger")}
          checked={value("dangerNow")}
          error={error("dangerNow")}
        />
        <Radios
          t={t}
          id="reporterRole"
          name="reporterRole"
          label={t("intake.role.legend")}
          choices={codes(REPORTER_ROLES, "role")}
          checked={value("reporterRole")}
          error={error("reporterRole")}
        />
        <Radios
          t={t}
          id="victimConsentPolice"
          name="victimConsentPolice"
          label={t("intake.consent.legend")}
          hint={t("intake.consent.hint")}
          choices={codes(VICTIM_CONSENT, "consent")}
          checked={value("victimConsentPolice")}
          error={error("victimConsentPolice")}
        />
        <fieldset class="fieldset intake-group">
          <legend class="intake-group__legend">{t("intake.where.legend")}</legend>
          <Select
            t={t}
            id="country"
            name="country"
            label={t("intake.where.country")}
            choices={[{ value: "", label: "–" }, ...countries]}
            selected={value("country")}
            error={error("country")}
          />
          <ShortText
            t={t}
            id="region"
            name="region"
            label={optional(answers["where.region"])}
            value={value("region")}
            error={error("region")}
          />
          <ShortText
            t={t}
            id="town"
            name="town"
            label={optional(answers["where.town"])}
            value={value("town")}
            error={error("town")}
          />
          <ShortText
            t={t}
            id="place"
            name="place"
            label={optional(answers["where.place"])}
            hint={answers["where.placeHint"]}
            value={value("place")}
            error={error("place")}
          />
        </fieldset>
        <Radios
          t={t}
          id="when"
          name="when"
          label={t("intake.when.legend")}
          choices={codes(WHEN, "when")}
          checked={value("when")}
          error={error("when")}
        />
        <Checkboxes
          t={t}
          id="situations"
          name="situations"
          label={
            <>
              {t("intake.situations.legend")}
              <Optional t={t} />
            </>
          }
          hint={t("intake.situations.hint")}
          choices={codes(SITUATIONS, "situation")}
          checked={many(values, "situations")}
          error={error("situations")}
        />
        <Radios
          t={t}
          id="childInvolved"
          name="childInvolved"
          label={t("intake.child.legend")}
          hint={t("intake.child.hint")}
          choices={codes(CHILD_INVOLVED, "child")}
          checked={value("childInvolved")}
          error={error("childInvolved")}
        />
        <fieldset class="fieldset intake-group">
          <legend class="intake-group__legend">
            {t("intake.people.legend")} <span class="optional">{t("intake.optional")}</span>
          </legend>
          <ShortText
            t={t}
            id="count"
            name="count"
            label={t("intake.people.count")}
            value={value("count")}
            error={error("count")}
            code
          />
          <Checkboxes
            t={t}
            id="ageBands"
            name="ageBands"
            label={t("intake.people.ages")}
            choices={codes(AGE_BANDS, "age")}
            checked={many(values, "ageBands")}
            error={error("ageBands")}
          />
          <Checkboxes
            t={t}
            id="sexes"
            name="sexes"
            label={t("intake.people.sexes")}
            choices={codes(SEXES, "sex")}
            checked={many(values, "sexes")}
            error={error("sexes")}
          />
          <MultiSelect
            t={t}
            id="nationalities"
            name="nationalities"
            label={t("intake.people.nationalities")}
            hint={t("intake.countries.hint")}
            choices={countries}
            selected={many(values, "nationalities")}
            error={error("nationalities")}
          />
          <ShortText
            t={t}
            id="peopleLanguages"
            name="peopleLanguages"
            label={t("intake.people.languages")}
            value={value("peopleLanguages")}
            error={error("peopleLanguages")}
          />
        </fieldset>
        <Checkboxes
          t={t}
          id="indicators"
          name="indicators"
          label={
            <>
              {t("intake.indicators.legend")}
              <Optional t={t} />
            </>
          }
          choices={[
            ...codes(ILO_INDICATORS, "indicator"),
            ...codes(CHILD_INDICATORS, "indicator"),
            ...codes(ROUTE_INDICATORS, "indicator"),
          ]}
          checked={many(values, "indicators")}
          error={error("indicators")}
        />
        <TextArea
          t={t}
          id="narrative"
          name="narrative"
          label={t("intake.narrative.label")}
          hint={t("intake.narrative.hint")}
          rows={8}
          value={value("narrative")}
          error={error("narrative")}
        />
        <fieldset class="fieldset intake-group">
          <legend class="intake-group__legend">
            {t("intake.details.legend")} <span class="optional">{t("intake.optional")}</span>
          </legend>
          {(["suspects", "vehicles", "boats", "phoneNumbers", "places"] as const).map((field) => (
            <ShortText
              t={t}
              id={field}
              name={field}
              label={answers[`details.${field}`]}
              value={value(field)}
              error={error(field)}
            />
          ))}
          <MultiSelect
            t={t}
            id="otherCountries"
            name="otherCountries"
            label={t("intake.details.otherCountries")}
            hint={t("intake.countries.hint")}
            choices={countries}
            selected={many(values, "otherCountries")}
            error={error("otherCountries")}
          />
        </fieldset>
        <Radios
          t={t}
          id="disclosure"
          name="disclosure"
          label={t("intake.disclosure.legend")}
          choices={codes(DISCLOSURE_LEVELS, "disclosure")}
          checked={value("disclosure")}
          error={error("disclosure")}
        />
        <div class={`form-group${error("contact") ? " form-group--error" : ""}`}>
          <fieldset class="fieldset intake-group" id="contact" tabindex={-1} aria-describedby="contact-hint">
            <legend class="intake-group__legend">
              {t("intake.contact.legend")} <span class="optional">{t("intake.optional")}</span>
            </legend>
            <p class="hint" id="contact-hint">
              {t("intake.contact.hint")}
            </p>
            {error("contact") && (
              <p class="error-message" id="contact-error">
                <span class="visually-hidden">{t("field.errorPrefix")} </span>
                {error("contact")}
              </p>
            )}
            <ShortText
              t={t}
              id="contactName"
              name="contactName"
              label={t("intake.contact.name")}
              value={value("contactName")}
              error={error("contactName")}
            />
            <ShortText
              t={t}
              id="contactMeans"
              name="contactMeans"
              label={t("intake.contact.means")}
              value={value("contactMeans")}
              error={error("contactMeans")}
            />
            <Radios
              t={t}
              id="safeToContact"
              name="safeToContact"
              label={t("intake.contact.safe")}
              choices={codes(SAFE_TO_CONTACT, "safe")}
              checked={value("safeToContact")}
              error={error("safeToContact")}
            />
            <ShortText
              t={t}
              id="safeTimes"
              name="safeTimes"
              label={t("intake.contact.safeTimes")}
              value={value("safeTimes")}
              error={error("safeTimes")}
            />
          </fieldset>
        </div>
        <Button>{t("intake.submit")}</Button>
      </PostForm>
    </>,
  );
};
