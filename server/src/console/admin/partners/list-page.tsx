import type { Context } from "hono";
import type { Partner } from "../../../partners/repository.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import { PARTNERS_CSS_PATH } from "./assets.js";
import { PARTNERS_PATH, partnerPath } from "./paths.js";
import { StateTag } from "./state-tag.js";

/** GET /console/admin/partners: every partner, disabled ones last, each a link to its kit. */
export const partnerListPage = (c: Context, list: Partner[]) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("partners.list.title") },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={PARTNERS_CSS_PATH} />
      <h1>{t("partners.list.title")}</h1>
      <p class="lead">{t("partners.list.lead")}</p>
      <a class="button" href={`${PARTNERS_PATH}/new`}>
        {t("partners.list.add")}
      </a>
      {list.length === 0 ? (
        <p>{t("partners.list.empty")}</p>
      ) : (
        <table class="partner-table">
          <caption class="visually-hidden">{t("partners.list.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("partners.field.name")}</th>
              <th scope="col">{t("partners.field.key")}</th>
              <th scope="col">{t("partners.field.allowedOrigins")}</th>
              <th scope="col">{t("partners.list.state")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr>
                <td>
                  <a href={partnerPath(p.key)} dir="auto">
                    {p.name}
                  </a>
                </td>
                <td>
                  <span class="code">{p.key}</span>
                </td>
                <td>
                  <ul class="plain-list">
                    {p.allowedOrigins.map((origin) => (
                      <li>
                        <span class="code">{origin}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <StateTag t={t} disabled={p.disabled} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
};
