import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderPage, textOf } from "../render.js";

type ErrorKind = "notFound" | "forbidden" | "form" | "database" | "unexpected";

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  notFound: 404,
  forbidden: 403,
  form: 403,
  database: 503,
  unexpected: 500,
};

/** Console errors are pages in the member's language, never JSON and never a stack trace. */
export const errorPage = (c: Context, kind: ErrorKind) => {
  const t = textOf(c);
  if (kind === "database") c.header("Retry-After", "30");
  return renderPage(
    c,
    { title: t(`error.${kind}.title`), status: STATUS[kind] },
    <div class="narrow">
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        <a href="/console">{t("error.home")}</a>
      </p>
    </div>,
  );
};
