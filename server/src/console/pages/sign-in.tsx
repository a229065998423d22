import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderPage, textOf } from "../render.js";
import { CONSOLE_HOME, signInPath } from "../return-path.js";
import { Button, ErrorSummary, errorFor, type FieldError, Hidden, TextField } from "../ui/forms.js";

export type SignInNotice = "kept" | "ended" | "signed-out" | "everywhere";

const NOTICES = {
  kept: "signIn.sessionEndedKept",
  ended: "signIn.sessionEnded",
  "signed-out": "signIn.signedOut",
  everywhere: "signIn.signedOutEverywhere",
} as const;

export const isSignInNotice = (value: unknown): value is SignInNotice =>
  typeof value === "string" && Object.hasOwn(NOTICES, value);

export type SignInView = {
  status?: ContentfulStatusCode;
  returnPath: string;
  /** What an expired session's form post sent, sealed; it rides along to the end of the sign-in. */
  resume: string | null;
  notice: SignInNotice | null;
  email?: string;
  errors?: FieldError[];
  /** The language the member picked on this page, stored on their account once they are in. */
  chosenLanguage?: string | null;
};

/** The hidden fields that carry the sign-in's destination through each of its pages. */
export const Journey = ({ returnPath, resume }: { returnPath: string; resume: string | null }) => (
  <>
    <Hidden name="return" value={returnPath === CONSOLE_HOME ? null : returnPath} />
    <Hidden name="resume" value={resume} />
  </>
);

export const signInPage = (c: Context, view: SignInView) => {
  const t = textOf(c);
  const errors = view.errors ?? [];
  return renderPage(
    c,
    {
      title: t("signIn.title"),
      status: view.status ?? 200,
      hasErrors: errors.length > 0,
      here: signInPath(view.returnPath),
    },
    <div class="narrow">
      <ErrorSummary t={t} errors={errors} />
      {view.notice && (
        <div class="notice" role="status">
          <p>{t(NOTICES[view.notice])}</p>
        </div>
      )}
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <form method="post" action="/console/sign-in" novalidate>
        <Journey returnPath={view.returnPath} resume={view.resume} />
        <Hidden name="lang" value={view.chosenLanguage} />
        <TextField
          t={t}
          id="email"
          type="email"
          label={t("signIn.email")}
          value={view.email ?? ""}
          error={errorFor(errors, "email")}
          autocomplete="username"
          inputmode="email"
          dir="ltr"
        />
        <TextField
          t={t}
          id="password"
          type="password"
          label={t("signIn.password")}
          error={errorFor(errors, "password")}
          autocomplete="current-password"
          dir="ltr"
        />
        <Button>{t("signIn.submit")}</Button>
      </form>
    </div>,
  );
};
