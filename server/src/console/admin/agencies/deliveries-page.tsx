import type { Context } from "hono";
import type { agencyDeliveries } from "../../../agencies/deliveries.js";
import type { AgencyRow } from "../../../agencies/records.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import { formatTime } from "../../tip/labels.js";
import type { ViewerEnv } from "../../types.js";
import { Button, PostForm } from "../../ui/forms.js";
import { agencyPath, deliveriesPath } from "./paths.js";

type Page = Awaited<ReturnType<typeof agencyDeliveries>>;

/** What was sent to one agency and how it went, newest first; a dead one can be sent again. */
export const deliveriesPage = (c: Context<ViewerEnv>, view: { agency: AgencyRow; page: Page; retried: boolean }) => {
  const t = textOf(c);
  const language = c.var.language;
  const { agency, page } = view;
  return renderPage(
    c,
    { title: t("agencies.deliveries.title", { agency: agency.name }) },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      {view.retried && (
        <div class="notice notice--success" role="status">
          <p>{t("agencies.deliveries.retried")}</p>
        </div>
      )}
      <p>
        <a href={agencyPath(agency.id)}>{t("agencies.deliveries.back")}</a>
      </p>
      <h1 class="tip-title" dir="auto">
        {t("agencies.deliveries.title", { agency: agency.name })}
      </h1>
      {page.rows.length === 0 ? (
        <p>{t("agencies.deliveries.none")}</p>
      ) : (
        <ol class="audit-entries">
          {page.rows.map((d) => (
            <li class="audit-entry" data-delivery={d.id} data-status={d.status}>
              <p class="audit-entry__head">
                <strong class={`delivery delivery--${d.status}`}>{t(`agencies.deliveries.status.${d.status}`)}</strong>
                <time datetime={d.createdAt.toISOString()}>{formatTime(language, d.createdAt)}</time>
                <code dir="ltr">{d.event}</code>
                {d.priority && <span class="tag">{d.priority}</span>}
                <a href={`/console/tips/${encodeURIComponent(d.tipId)}`} dir="ltr">
                  {t("agencies.deliveries.tip")}
                </a>
              </p>
              <p class="muted">
                {t("agencies.deliveries.attempts", { count: String(d.attempts) })}
                {d.lastError && (
                  <>
                    {" · "}
                    {t("agencies.deliveries.lastError")} <code dir="ltr">{d.lastError}</code>
                  </>
                )}
                {d.status === "delivered" && d.deliveredAt && (
                  <>
                    {" · "}
                    {t("agencies.deliveries.deliveredAt", { at: formatTime(language, d.deliveredAt) })}
                  </>
                )}
                {d.status === "pending" && (
                  <>
                    {" · "}
                    {t("agencies.deliveries.nextAt", { at: formatTime(language, d.nextAttemptAt) })}
                  </>
                )}
              </p>
              {d.status === "dead" && (
                <PostForm
                  action={`${deliveriesPath(agency.id)}/${encodeURIComponent(d.id)}/retry`}
                  csrfToken={c.var.session.csrfToken}
                >
                  <Button variant="secondary">{t("agencies.deliveries.retry")}</Button>
                </PostForm>
              )}
            </li>
          ))}
        </ol>
      )}
      {page.next && (
        <p>
          <a href={`${deliveriesPath(agency.id)}?after=${encodeURIComponent(page.next)}`}>
            {t("agencies.deliveries.older")}
          </a>
        </p>
      )}
    </>,
  );
};
