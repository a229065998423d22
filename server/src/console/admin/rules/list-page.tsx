import type { ConsoleLanguage } from "@balagh/shared";
import type { Context } from "hono";
import type { StoredRule } from "../../../routing/edit.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import type { Translate } from "../../i18n.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { Button, Hidden, PostForm } from "../../ui/forms.js";
import { Conditions } from "./conditions.js";
import type { CoverageFlags } from "./coverage.js";
import { RULES_PATH, rulePath } from "./rule-page.js";
import { RULES_CSS_PATH } from "./rules-css.js";

export const RULE_DONE = ["create", "update", "move", "on", "off", "delete"] as const;
export type RuleDone = (typeof RULE_DONE)[number];

type ListProps = { rules: StoredRule[]; coverage: CoverageFlags; cacheSeconds: number; done: RuleDone | null };

const SmallForm = (props: {
  action: string;
  csrf: string;
  label: string;
  n: number;
  t: Translate;
  name?: string;
  value?: string;
}) => (
  <PostForm action={props.action} csrfToken={props.csrf} className="inline-form">
    <Hidden name={props.name ?? ""} value={props.value} />
    <Button variant="secondary">
      {props.label}
      <span class="visually-hidden"> ({props.t("rules.ofRule", { n: props.n })})</span>
    </Button>
  </PostForm>
);

const RuleItem = (props: {
  t: Translate;
  language: ConsoleLanguage;
  rule: StoredRule;
  n: number;
  last: boolean;
  csrf: string | null;
}) => {
  const { t, rule, n, csrf } = props;
  return (
    <li class="rule" id={`rule-${rule.id}`}>
      <h2 class="rule__title">
        {t("rules.number", { n })} · <bdi>{rule.name}</bdi> {!rule.enabled && <span class="tag">{t("rules.off")}</span>}
      </h2>
      <p>
        {t("rules.sendsTo")}{" "}
        <strong>
          <bdi>{rule.agencyName}</bdi>
        </strong>{" "}
        <span class="tag">{rule.role === "primary" ? t("tip.route.primary") : t("tip.route.notify")}</span>
      </p>
      <p class="label">{t("rules.when")}</p>
      <Conditions t={t} language={props.language} conditions={rule.conditions} />
      {csrf && (
        <div class="rule-actions">
          {n > 1 && (
            <SmallForm
              t={t}
              n={n}
              csrf={csrf}
              action={`${rulePath(rule.id)}/move`}
              name="direction"
              value="up"
              label={t("rules.moveUp")}
            />
          )}
          {!props.last && (
            <SmallForm
              t={t}
              n={n}
              csrf={csrf}
              action={`${rulePath(rule.id)}/move`}
              name="direction"
              value="down"
              label={t("rules.moveDown")}
            />
          )}
          <SmallForm
            t={t}
            n={n}
            csrf={csrf}
            action={`${rulePath(rule.id)}/enabled`}
            name="enabled"
            value={rule.enabled ? "no" : "yes"}
            label={rule.enabled ? t("rules.switchOff") : t("rules.switchOn")}
          />
          <a href={`${rulePath(rule.id)}/edit`}>
            {t("rules.change")}
            <span class="visually-hidden"> ({t("rules.ofRule", { n })})</span>
          </a>
        </div>
      )}
    </li>
  );
};

const Coverage = ({ t, coverage }: { t: Translate; coverage: CoverageFlags }) => (
  <section aria-labelledby="coverage-title">
    <h2 id="coverage-title">{t("rules.coverage.title")}</h2>
    {coverage.flagged === 0 ? (
      <p>{t("rules.coverage.ok", { combinations: coverage.combinations })}</p>
    ) : (
      <>
        <p>{t("rules.coverage.flagged", { flagged: coverage.flagged, combinations: coverage.combinations })}</p>
        <ul class="coverage">
          {coverage.problems.map((p) => (
            <li class="coverage__problem">
              <strong>{t(`rules.coverage.problem.${p.problem}`)}</strong>{" "}
              <span class="muted">({t("rules.coverage.count", { count: p.combinations })})</span>
              <details>
                <summary>{t("rules.coverage.which")}</summary>
                <ul class="plain-list">
                  {p.where.map((line) => (
                    <li>
                      <code dir="ltr">{line}</code>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </>
    )}
    <p class="hint">
      <span dir="auto">{t("rules.coverage.cli")}</span>
    </p>
  </section>
);

/** The ordered rules in plain words; admins get the buttons to change them, supervisors read. */
export const listPage = (c: Context<ViewerEnv>, props: ListProps) => {
  const t = textOf(c);
  const canEdit = c.var.viewer.role === "admin";
  const csrf = canEdit ? c.var.session.csrfToken : null;
  return renderPage(
    c,
    { title: t("rules.title"), here: RULES_PATH },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={RULES_CSS_PATH} />
      {props.done && (
        <div class="notice notice--success" role="status">
          <p>{t(`rules.done.${props.done}`)}</p>
        </div>
      )}
      <h1>{t("rules.title")}</h1>
      <p class="lead">{t("rules.intro")}</p>
      <p>{t("rules.invariants")}</p>
      <p>{t("rules.delay", { seconds: props.cacheSeconds })}</p>
      {!canEdit && <p>{t("rules.readOnly")}</p>}
      <div class="page-actions">
        {canEdit && (
          <a class="button" href={`${RULES_PATH}/new`}>
            {t("rules.add")}
          </a>
        )}
        <a class="button button--secondary" href={`${RULES_PATH}/try`}>
          {t("rules.try")}
        </a>
      </div>
      <Coverage t={t} coverage={props.coverage} />
      {props.rules.length === 0 ? (
        <p>{t("rules.none")}</p>
      ) : (
        <ol class="plain-list rules" aria-label={t("rules.listLabel")}>
          {props.rules.map((rule, i) => (
            <RuleItem
              t={t}
              language={c.var.language}
              rule={rule}
              n={i + 1}
              last={i === props.rules.length - 1}
              csrf={csrf}
            />
          ))}
        </ol>
      )}
    </>,
  );
};
