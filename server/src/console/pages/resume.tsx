import type { Context } from "hono";
import { renderPage, textOf } from "../render.js";
import type { Resume } from "../resume.js";
import { Button, CsrfField } from "../ui/forms.js";

/**
 * After signing in again: what the member had typed goes back to where it was going, with the new
 * session's token, when they say so (a page without script cannot send it by itself, and should not).
 */
export const resumePage = (c: Context, resume: Resume, csrfToken: string) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("resume.title"), here: "/console" },
    <div class="narrow">
      <h1>{t("resume.title")}</h1>
      <p>{t("resume.body")}</p>
      <form method="post" action={resume.path}>
        <CsrfField token={csrfToken} />
        {resume.fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Button>{t("resume.submit")}</Button>
      </form>
      <p>
        <a href="/console">{t("resume.discard")}</a>
      </p>
    </div>,
  );
};
