import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { spelledOut, totpUri } from "../../staff/totp.js";
import type { Translate } from "../i18n.js";
import { renderPage, textOf } from "../render.js";
import { signInPath } from "../return-path.js";
import { Button, CsrfField, ErrorSummary, errorFor, type FieldError, TextField } from "../ui/forms.js";
import { QrCode } from "../ui/qr-code.js";
import { Journey } from "./sign-in.js";

export type SecondFactorView = {
  status?: ContentfulStatusCode;
  csrfToken: string;
  returnPath: string;
  resume: string | null;
  errors?: FieldError[];
};

const CodeForm = ({
  t,
  view,
  action,
  submit,
}: {
  t: Translate;
  view: SecondFactorView;
  action: string;
  submit: string;
}) => (
  <>
    <form method="post" action={action} novalidate>
      <CsrfField token={view.csrfToken} />
      <Journey returnPath={view.returnPath} resume={view.resume} />
      <TextField
        t={t}
        id="code"
        label={t("code.label")}
        hint={t("code.hint")}
        error={errorFor(view.errors ?? [], "code")}
        autocomplete="one-time-code"
        inputmode="numeric"
        dir="ltr"
        className="input--code"
      />
      <Button>{submit}</Button>
    </form>
    <p>
      <a href={signInPath(view.returnPath)}>{t("code.startAgain")}</a>
    </p>
  </>
);

export const codePage = (c: Context, view: SecondFactorView) => {
  const t = textOf(c);
  const errors = view.errors ?? [];
  return renderPage(
    c,
    { title: t("code.title"), status: view.status ?? 200, hasErrors: errors.length > 0, here: "/console/sign-in/code" },
    <div class="narrow">
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("code.title")}</h1>
      <CodeForm t={t} view={view} action="/console/sign-in/code" submit={t("code.submit")} />
    </div>,
  );
};

/** The QR code and the same secret spelled out in groups of four, then the first code proves it works. */
export const enrolPage = (c: Context, view: SecondFactorView & { secret: string; email: string }) => {
  const t = textOf(c);
  const errors = view.errors ?? [];
  const uri = totpUri(view.secret, view.email);
  return renderPage(
    c,
    {
      title: t("enrol.title"),
      status: view.status ?? 200,
      hasErrors: errors.length > 0,
      here: "/console/sign-in/enrol",
    },
    <div class="narrow">
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("enrol.title")}</h1>
      <p>{t("enrol.intro")}</p>
      <ol class="steps">
        <li>{t("enrol.step1")}</li>
        <li>
          {t("enrol.step2")}
          <QrCode text={uri} label={t("enrol.qrLabel")} />
          {/* A phone cannot scan its own screen; authenticator apps open otpauth: links. */}
          <p>
            <a href={uri}>{t("enrol.openApp")}</a>
          </p>
          <p>{t("enrol.manual")}</p>
          <p>
            <code class="setup-key" dir="ltr" translate="no">
              {spelledOut(view.secret)}
            </code>
          </p>
        </li>
        <li>{t("enrol.step3")}</li>
      </ol>
      <CodeForm t={t} view={view} action="/console/sign-in/enrol" submit={t("enrol.submit")} />
    </div>,
  );
};
