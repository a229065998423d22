import {
  CHILD_INDICATORS,
  CHILD_INVOLVED,
  type ConsoleLanguage,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  ILO_INDICATORS,
  LANGUAGES,
  REPORTER_ROLES,
  ROUTE_INDICATORS,
  SITUATIONS,
  VICTIM_CONSENT,
  WHEN,
} from "@balagh/shared";
import type { Context } from "hono";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import type { Translate } from "../../i18n.js";
import { renderPage, textOf } from "../../render.js";
import { answerLabel } from "../../tip/labels.js";
import type { ViewerEnv } from "../../types.js";
import { Checkboxes, Radios, Select, ShortText, TextArea } from "../../ui/fields.js";
import { Button, ErrorSummary, errorFor, type FieldError, PostForm } from "../../ui/forms.js";
import { formText, formValues, type RuleForm } from "./rule-draft.js";
import { RULES_PATH } from "./rule-page.js";
import { RULES_CSS_PATH } from "./rules-css.js";
import { tryFieldId } from "./try-answers.js";
import { type TryResult, TryResultSection } from "./try-result.js";

export const TRY_PATH = `${RULES_PATH}/try`;

type TryProps = {
  form: RuleForm;
  errors: FieldError[];
  result: TryResult | null;
  /** Only a member who reads tips may start from one. */
  byTip: boolean;
};

const AnswersForm = (props: {
  t: Translate;
  language: ConsoleLanguage;
  form: RuleForm;
  errors: FieldError[];
  csrf: string;
}) => {
  const { t, language, form, errors } = props;
  const error = (field: string) => errorFor(errors, tryFieldId(field));
  const label = (prefix: string, code: string) => answerLabel(language, prefix, code);
  const radios = (field: string, title: string, prefix: string, values: readonly string[]) => (
    <Radios
      t={t}
      id={tryFieldId(field)}
      name={field}
      label={title}
      error={error(field)}
      checked={formText(form, field)}
      choices={values.map((v) => ({ value: v, label: label(prefix, v) }))}
    />
  );
  const languageName = new Intl.DisplayNames([language], { type: "language" });
  return (
    <PostForm action={TRY_PATH} csrfToken={props.csrf}>
      <h2>{t("rules.try.answers")}</h2>
      {radios("dangerNow", t("tip.answers.dangerNow"), "danger", DANGER_NOW)}
      {radios("reporterRole", t("tip.answers.reporterRole"), "role", REPORTER_ROLES)}
      <Radios
        t={t}
        id={tryFieldId("victimConsentPolice")}
        name="victimConsentPolice"
        label={label("consent", "title")}
        error={error("victimConsentPolice")}
        checked={formText(form, "victimConsentPolice")}
        choices={[
          { value: "", label: t("rules.try.notAsked") },
          ...VICTIM_CONSENT.map((v) => ({ value: v, label: label("consent", v) })),
        ]}
      />
      <ShortText
        t={t}
        id={tryFieldId("country")}
        name="country"
        label={t("tip.answers.country")}
        hint={t("rules.try.countryHint")}
        value={formText(form, "country")}
        error={error("country")}
        code
      />
      <ShortText
        t={t}
        id={tryFieldId("region")}
        name="region"
        label={t("tip.answers.region")}
        value={formText(form, "region")}
        error={error("region")}
      />
      <ShortText
        t={t}
        id={tryFieldId("otherCountries")}
        name="otherCountries"
        label={label("where", "otherCountries")}
        hint={t("rules.try.otherCountriesHint")}
        value={formText(form, "otherCountries")}
        error={error("otherCountries")}
        code
      />
      {radios("when", t("tip.answers.when"), "when", WHEN)}
      <Checkboxes
        t={t}
        id={tryFieldId("situations")}
        name="situations"
        label={t("tip.answers.situations")}
        error={error("situations")}
        checked={formValues(form, "situations")}
        choices={SITUATIONS.map((s) => ({ value: s, label: t(`queue.situation.${s}`) }))}
      />
      {radios("childInvolved", t("tip.answers.childInvolved"), "child", CHILD_INVOLVED)}
      <Checkboxes
        t={t}
        id={tryFieldId("indicators")}
        name="indicators"
        label={t("tip.answers.indicators")}
        error={error("indicators")}
        checked={formValues(form, "indicators")}
        choices={[...ILO_INDICATORS, ...CHILD_INDICATORS, ...ROUTE_INDICATORS].map((v) => ({
          value: v,
          label: label("indicator", v),
        }))}
      />
      <TextArea
        t={t}
        id={tryFieldId("narrative")}
        name="narrative"
        label={t("tip.answers.narrative")}
        value={formText(form, "narrative")}
        error={error("narrative")}
        rows={5}
      />
      {radios("disclosure", t("tip.answers.disclosure"), "disclosure", DISCLOSURE_LEVELS)}
      <Select
        t={t}
        id={tryFieldId("language")}
        name="language"
        label={t("tip.answers.language")}
        error={error("language")}
        selected={formText(form, "language") || language}
        choices={LANGUAGES.map((v) => ({ value: v, label: languageName.of(v) ?? v }))}
      />
      <Button>{t("rules.try.submit")}</Button>
    </PostForm>
  );
};

/** The dry run: the answers (or a received tip's) through today's triage and rules, nothing written. */
export const tryPage = (c: Context<ViewerEnv>, props: TryProps) => {
  const t = textOf(c);
  const { errors } = props;
  const csrf = c.var.session.csrfToken;
  return renderPage(
    c,
    {
      title: t("rules.try.title"),
      status: errors.length > 0 ? 422 : 200,
      hasErrors: errors.length > 0,
      here: TRY_PATH,
    },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={RULES_CSS_PATH} />
      <p>
        <a href={RULES_PATH}>{t("rules.form.back")}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("rules.try.title")}</h1>
      <p class="lead">{t("rules.try.intro")}</p>
      {props.result && <TryResultSection t={t} result={props.result} />}
      {props.byTip && (
        <PostForm action={`${TRY_PATH}/tip`} csrfToken={csrf}>
          <h2>{t("rules.try.byId")}</h2>
          <ShortText
            t={t}
            id={tryFieldId("tipId")}
            name="tipId"
            label={t("rules.try.tipId")}
            hint={t("rules.try.tipIdHint")}
            value={formText(props.form, "tipId")}
            error={errorFor(errors, tryFieldId("tipId"))}
            code
          />
          <Button variant="secondary">{t("rules.try.useTip")}</Button>
        </PostForm>
      )}
      <AnswersForm t={t} language={c.var.language} form={props.form} errors={errors} csrf={csrf} />
    </>,
  );
};
