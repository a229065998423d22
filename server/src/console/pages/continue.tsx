import type { Context } from "hono";
import { renderPage, textOf } from "../render.js";

/**
 * A link from another site (an agency's webhook, an email) arrives without the SameSite=Strict
 * cookie. This page sends the browser on to the same address from the hotline itself, where the
 * cookie goes along: a meta refresh (no script), and a link for browsers that do not follow it.
 */
export const continuePage = (c: Context, path: string) => {
  const t = textOf(c);
  c.header("Refresh", `0; url=${path}`);
  return renderPage(
    c,
    { title: t("continue.title") },
    <div class="narrow">
      <h1>{t("continue.title")}</h1>
      <p>
        <a href={path}>{t("continue.link")}</a>
      </p>
    </div>,
  );
};
