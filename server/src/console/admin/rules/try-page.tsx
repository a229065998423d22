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
import type { DryRun } from "../../../routing/dry-run.js";
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

export const TRY_PATH = `${RULES_PATH}/try`;

export type TryResult = { run: DryRun; agencyNames: Map<string, string>; fromTip: string | null };

type TryProps = {
  form: RuleForm;
  errors: FieldError[];
  result: TryResult | null;
  /** Only a member who reads tips may start from one. */
  byTip: boolean;
};

const SAFEGUARDS = [
  [/child protection/, "rules.try.safeguard.child"],
  [/coordinating/, "rules.try.safeguard.coordinating"],
  [/fallback/, "rules.try.safeguard.fallback"],
] as const;

/** route()'s reasons for the safeguards are fixed English sentences: the page says them in the member's language. */
const safeguardText = (t: Translate, reason: string) =>
  t(SAFEGUARDS.find(([pattern]) => pattern.test(reason))?.[1] ?? "rules.try.safeguard.fallback");

const RoleTag = ({ t, role }: { t: Translate; role: "primary" | "notify" }) => (
  <span class="tag">{role === "primary" ? t("tip.route.primary") : t("tip.route.notify")}</span>
);

const Result = ({ t, result }: { t: Translate; result: TryResult }) => {
  const { run, agencyNames } = result;
  const name = (id: string) => agencyNames.get(id) ?? id;
  return (
    <section class="try-result" aria-labelledby="result-title">
      <h2 id="result-title">{t("rules.try.result")}</h2>
      <p>{result.fromTip ? t("rules.try.fromTip", { id: result.fromTip }) : t("rules.try.nothingSaved")}</p>
      <h3>{t("tip.triage.title")}</h3>
      <dl class="summary-list">
        <div>
          <dt>{t("tip.triage.priority")}</dt>
          <dd>
            <strong class={`priority priority--${run.triage.priority}`}>{run.triage.priority}</strong>
          </dd>
        </div>
        <div>
          <dt>{t("tip.triage.classification")}</dt>
          <dd>{t(`tip.classification.${run.triage.classification}`)}</dd>
        </div>
      </dl>
      <h4 class="label">{t("tip.triage.reasons")}</h4>
      {run.triage.reasons.length === 0 ? (
        <p>{t("tip.triage.noReason")}</p>
      ) : (
        <ul class="reasons">
          {run.triage.reasons.map((reason) => (
            <li>
              <code dir="ltr">{reason.signal}</code>{" "}
              {reason.source === "narrative" ? (
                <q dir="auto" class="free-text">
                  {reason.evidence}
                </q>
              ) : (
                <code dir="ltr">{reason.evidence}</code>
              )}{" "}
              <span class="muted points">{t("tip.triage.points", { points: reason.points })}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("rules.try.fired")}</h3>
      {run.fired.length === 0 ? (
        <p>{t("rules.try.noneFired")}</p>
      ) : (
        <ol class="fired">
          {run.fired.map((rule) => (
            <li>
              <bdi class="rule-name">{rule.name}</bdi>
              <br />
              {t("rules.sendsTo")}{" "}
              <strong>
                <bdi>{name(rule.agencyId)}</bdi>
              </strong>{" "}
              <RoleTag t={t} role={rule.role} />: {t(`rules.try.outcome.${rule.outcome}`)}
            </li>
          ))}
        </ol>
      )}
      <h3>{t("rules.try.safeguards")}</h3>
      {run.addedByInvariants.length === 0 ? (
        <p>{t("rules.try.nothing")}</p>
      ) : (
        <ul class="plain-list">
          {run.addedByInvariants.map((route) => (
            <li>
              <strong>
                <bdi>{name(route.agencyId)}</bdi>
              </strong>{" "}
              <RoleTag t={t} role={route.role} />: {safeguardText(t, route.reason)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("rules.try.withheld")}</h3>
      {run.withheld.length === 0 ? (
        <p>{t("rules.try.nothing")}</p>
      ) : (
        <ul class="plain-list">
          {run.withheld.map((w) => (
            <li>
              <strong>
                <bdi>{name(w.agencyId)}</bdi>
              </strong>
              : {t("rules.try.withheldReason")}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("rules.try.routes")}</h3>
      <ul class="route-list">
        {run.routes.map((route) => (
          <li class="route">
            <p class="route__agency">
              <strong>
                <bdi>{name(route.agencyId)}</bdi>
              </strong>{" "}
              <RoleTag t={t} role={route.role} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
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
      {props.result && <Result t={t} result={props.result} />}
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
