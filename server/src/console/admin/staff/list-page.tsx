import type { Context } from "hono";
import type { MemberRow } from "../../../staff/members.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import { formatTime } from "../../tip/labels.js";
import type { ViewerEnv } from "../../types.js";

export const STAFF_HOME = "/console/admin/staff";
export const memberPath = (id: string) => `${STAFF_HOME}/${encodeURIComponent(id)}`;

/** Everyone who can sign in, or could: what each can do, and whether their account is in order. */
export const staffListPage = (c: Context<ViewerEnv>, members: MemberRow[]) => {
  const t = textOf(c);
  const language = c.var.language;
  return renderPage(
    c,
    { title: t("staff.title") },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <h1>{t("staff.title")}</h1>
      <p>
        <a class="button" href={`${STAFF_HOME}/new`}>
          {t("staff.add")}
        </a>
      </p>
      <ul class="audit-entries staff-list">
        {members.map((m) => (
          <li class="audit-entry" data-member={m.email}>
            <p class="audit-entry__head">
              <a href={memberPath(m.id)} dir="ltr">
                <strong>{m.email}</strong>
              </a>
              <span class="tag">{t(`role.${m.role}`)}</span>
              {m.disabled && <strong class="delivery delivery--dead">{t("staff.status.disabled")}</strong>}
            </p>
            <dl class="summary-list staff-facts">
              <div>
                <dt>{t("staff.agency")}</dt>
                <dd dir="auto">{m.agencyName ?? t("staff.agency.none")}</dd>
              </div>
              <div>
                <dt>{t("staff.secondFactor")}</dt>
                <dd>{t(m.secondFactor ? "staff.secondFactor.on" : "staff.secondFactor.off")}</dd>
              </div>
              <div>
                <dt>{t("staff.lastSignIn")}</dt>
                <dd>{m.lastSignInAt ? formatTime(language, m.lastSignInAt) : t("staff.lastSignIn.never")}</dd>
              </div>
              {m.mustChangePassword && (
                <div>
                  <dt>{t("staff.password")}</dt>
                  <dd>{t("staff.password.temporary")}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>,
  );
};
