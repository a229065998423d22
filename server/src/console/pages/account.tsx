import type { Context } from "hono";
import { renderPage, textOf } from "../render.js";
import type { ViewerEnv } from "../types.js";
import { Button, PostForm } from "../ui/forms.js";

export const accountPage = (c: Context<ViewerEnv>, { secondFactor }: { secondFactor: boolean }) => {
  const t = textOf(c);
  const { email, role } = c.var.viewer;
  return renderPage(
    c,
    { title: t("account.title") },
    <div class="narrow">
      <h1>{t("account.title")}</h1>
      <dl class="summary-list">
        <div>
          <dt>{t("account.email")}</dt>
          <dd dir="ltr">{email}</dd>
        </div>
        <div>
          <dt>{t("account.role")}</dt>
          <dd>{t(`role.${role}`)}</dd>
        </div>
        <div>
          <dt>{t("account.secondFactor")}</dt>
          <dd>{t(secondFactor ? "account.secondFactorOn" : "account.secondFactorOff")}</dd>
        </div>
      </dl>
      <h2>{t("account.everywhereTitle")}</h2>
      <p>{t("account.everywhereHint")}</p>
      <PostForm action="/console/sign-out/everywhere" csrfToken={c.var.session.csrfToken}>
        <Button variant="warning">{t("account.everywhereSubmit")}</Button>
      </PostForm>
    </div>,
  );
};
