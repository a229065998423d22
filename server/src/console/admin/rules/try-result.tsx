import type { DryRun } from "../../../routing/dry-run.js";
import type { Translate } from "../../i18n.js";

export type TryResult = { run: DryRun; agencyNames: Map<string, string>; fromTip: string | null };

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

export const TryResultSection = ({ t, result }: { t: Translate; result: TryResult }) => {
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
