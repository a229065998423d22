import type { ConsoleLanguage } from "@balagh/shared";
import type { TipView } from "../../tips/read.js";
import type { Translate } from "../i18n.js";
import { formatTime } from "./labels.js";

/** Reasons whose evidence is the reporter's own words, in the report or in a later message. */
const QUOTED_SOURCES = new Set(["narrative", "followup_message"]);

type Reason = { signal?: unknown; evidence?: unknown; phrase?: unknown; points?: unknown; source?: unknown };

/** What triage read: each signal with the reporter's words or the answer that raised it, quoted as text. */
export const Triage = ({ t, tip }: { t: Translate; tip: TipView }) => {
  const reasons = (Array.isArray(tip.content.reasons) ? tip.content.reasons : []) as Reason[];
  return (
    <section aria-labelledby="triage-title">
      <h2 id="triage-title">{t("tip.triage.title")}</h2>
      <dl class="summary-list">
        <div>
          <dt>{t("tip.triage.priority")}</dt>
          <dd>
            <strong class={`priority priority--${tip.priority ?? "none"}`}>{tip.priority ?? "–"}</strong>
          </dd>
        </div>
        <div>
          <dt>{t("tip.triage.classification")}</dt>
          <dd>{tip.classification ? t(`tip.classification.${classificationKey(tip.classification)}`) : "–"}</dd>
        </div>
      </dl>
      <h3 class="label">{t("tip.triage.reasons")}</h3>
      {reasons.length === 0 ? (
        <p>{t("tip.triage.noReason")}</p>
      ) : (
        <ul class="reasons">
          {reasons.map((reason) => (
            <li>
              <code dir="ltr">{String(reason.signal ?? "")}</code>{" "}
              {typeof reason.evidence === "string" &&
                (QUOTED_SOURCES.has(String(reason.source)) ? (
                  <q dir="auto" class="free-text">
                    {reason.evidence}
                  </q>
                ) : (
                  <code dir="ltr">{reason.evidence}</code>
                ))}
              {typeof reason.phrase === "string" && reason.phrase !== reason.evidence && (
                <>
                  {" "}
                  (<q dir="auto">{reason.phrase}</q>)
                </>
              )}{" "}
              <span class="muted points">{t("tip.triage.points", { points: Number(reason.points ?? 0) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const CLASSIFICATIONS = ["trafficking", "smuggling", "both", "unclear"] as const;
const classificationKey = (value: string) =>
  (CLASSIFICATIONS as readonly string[]).includes(value) ? (value as (typeof CLASSIFICATIONS)[number]) : "unclear";

type Delivery = TipView["routes"][number]["deliveries"][number];

/** The four states; a pending delivery that already failed once is being retried. */
const deliveryState = (d: Delivery) =>
  d.status === "pending" ? (d.attempts > 0 ? "retrying" : "pending") : d.status === "delivered" ? "delivered" : "dead";

export const Routes = ({ t, language, tip }: { t: Translate; language: ConsoleLanguage; tip: TipView }) => (
  <section aria-labelledby="routes-title">
    <h2 id="routes-title">{t("tip.routes.title")}</h2>
    {tip.routes.length === 0 ? (
      <p>{t("tip.routes.none")}</p>
    ) : (
      <ul class="route-list">
        {tip.routes.map((route) => (
          <li class="route">
            <p class="route__agency">
              <strong>{route.name}</strong>{" "}
              <span class="tag">{route.role === "primary" ? t("tip.route.primary") : t("tip.route.notify")}</span>
            </p>
            {route.deliveries.length === 0 ? (
              <p class="muted">{t("tip.routes.noDelivery")}</p>
            ) : (
              <ul class="plain-list">
                {route.deliveries.map((d) => {
                  const state = deliveryState(d);
                  return (
                    <li>
                      <span class={`delivery delivery--${state}`}>{t(`tip.delivery.${state}`)}</span>
                      {d.attempts > 0 && <> · {t("tip.routes.attempts", { attempts: d.attempts })}</>}
                      {d.deliveredAt && <> · {formatTime(language, d.deliveredAt)}</>}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ul>
    )}
  </section>
);
