import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { MIN_PASSWORD_LENGTH } from "../../staff/password.js";
import { renderPage, textOf } from "../render.js";
import { signInPath } from "../return-path.js";
import { Button, CsrfField, ErrorSummary, errorFor, type FieldError, TextField } from "../ui/forms.js";
import { Journey } from "./sign-in.js";

export const NEW_PASSWORD_PAGE = "/console/sign-in/password";

export type NewPasswordView = {
  status?: ContentfulStatusCode;
  csrfToken: string;
  returnPath: string;
  resume: string | null;
  errors?: FieldError[];
};

/** After a temporary password: the member's own, typed twice, before anything else. */
export const newPasswordPage = (c: Context, view: NewPasswordView) => {
  const t = textOf(c);
  const errors = view.errors ?? [];
  return renderPage(
    c,
    {
      title: t("newPassword.title"),
      status: view.status ?? 200,
      hasErrors: errors.length > 0,
      here: NEW_PASSWORD_PAGE,
    },
    <div class="narrow">
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("newPassword.title")}</h1>
      <p>{t("newPassword.intro")}</p>
      <form method="post" action={NEW_PASSWORD_PAGE} novalidate>
        <CsrfField token={view.csrfToken} />
        <Journey returnPath={view.returnPath} resume={view.resume} />
        <TextField
          t={t}
          id="password"
          type="password"
          label={t("newPassword.password")}
          hint={t("newPassword.hint", { min: String(MIN_PASSWORD_LENGTH) })}
          error={errorFor(errors, "password")}
          autocomplete="new-password"
        />
        <TextField
          t={t}
          id="confirmation"
          type="password"
          label={t("newPassword.confirmation")}
          error={errorFor(errors, "confirmation")}
          autocomplete="new-password"
        />
        <Button>{t("newPassword.submit")}</Button>
      </form>
      <p>
        <a href={signInPath(view.returnPath)}>{t("code.startAgain")}</a>
      </p>
    </div>,
  );
};
