import type { Context } from "hono";
import { renderPage, textOf } from "../render.js";
import type { ViewerEnv } from "../types.js";

/** A placeholder until the queue takes its place. */
export const homePage = (c: Context<ViewerEnv>) => {
  const t = textOf(c);
  const { email, role } = c.var.viewer;
  return renderPage(
    c,
    { title: t("home.title") },
    <>
      <h1>{t("home.title")}</h1>
      <p>{t("home.whoami", { email, role: t(`role.${role}`) })}</p>
      <p>{t("home.placeholder")}</p>
    </>,
  );
};
