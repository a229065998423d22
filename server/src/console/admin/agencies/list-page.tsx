import type { Context } from "hono";
import type { listAgencies } from "../../../agencies/records.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { kindLabel } from "./fields.js";
import { AGENCIES_HOME, agencyPath } from "./paths.js";

type Row = Awaited<ReturnType<typeof listAgencies>>[number];

export const agencyListPage = (c: Context<ViewerEnv>, rows: Row[], { deleted }: { deleted: boolean }) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("agencies.title") },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      {deleted && (
        <div class="notice notice--success" role="status">
          <p>{t("agencies.done.delete")}</p>
        </div>
      )}
      <h1>{t("agencies.title")}</h1>
      <p>
        <a class="button" href={`${AGENCIES_HOME}/new`}>
          {t("agencies.add")}
        </a>
      </p>
      <ul class="audit-entries">
        {rows.map((a) => (
          <li class="audit-entry" data-agency={a.slug}>
            <p class="audit-entry__head">
              <a href={agencyPath(a.id)}>
                <strong dir="auto">{a.name}</strong>
              </a>
              <code dir="ltr">{a.slug}</code>
              {a.fallback && <span class="tag">{t("agencies.tag.fallback")}</span>}
              {a.coordinating && <span class="tag">{t("agencies.tag.coordinating")}</span>}
              {a.unverified && <span class="tag">{t("agencies.tag.unverified")}</span>}
              {a.disabled && <strong class="delivery delivery--dead">{t("agencies.tag.disabled")}</strong>}
            </p>
            <p class="muted">
              {kindLabel(t, a.kind)} · <span dir="ltr">{a.country}</span> ·{" "}
              {a.webhookUrl ? t("agencies.webhook.on") : t("agencies.webhook.off")}
            </p>
          </li>
        ))}
      </ul>
    </>,
  );
};
