import type { Context } from "hono";
import type { AgencyRow } from "../../../agencies/records.js";
import type { TestEventOutcome } from "../../../agencies/webhook.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { Button, ErrorSummary, errorFor, type FieldError, PostForm, TextField } from "../../ui/forms.js";
import { AgencyFields, type AgencyFormValues } from "./fields.js";
import { AGENCIES_HOME, agencyPath, deliveriesPath } from "./paths.js";

export const AGENCY_DONE = ["edit", "create", "disable", "enable", "webhook-clear"] as const;
export type AgencyDone = (typeof AGENCY_DONE)[number];
export const isAgencyDone = (value: string): value is AgencyDone => (AGENCY_DONE as readonly string[]).includes(value);

export type AgencyView = {
  agency: AgencyRow;
  done?: AgencyDone | null;
  /** A refused change: what was sent (the edit form's fields), and why, each beside its field. */
  values?: AgencyFormValues;
  errors?: FieldError[];
  /** The webhook address typed and refused, kept in its field. */
  webhookUrl?: string;
  tested?: TestEventOutcome;
};

const valuesOf = (agency: AgencyRow): AgencyFormValues => ({
  name: agency.name,
  kind: agency.kind,
  country: agency.country,
  phone: agency.phone ?? "",
  unverified: agency.unverified,
  fallback: agency.fallback,
});

const ErrorBeside = ({ errors, field }: { errors: FieldError[]; field: string }) => {
  const message = errorFor(errors, field);
  return message ? (
    <p class="error-message" id={field}>
      {message}
    </p>
  ) : null;
};

const TestResult = ({ t, tested }: { t: ReturnType<typeof textOf>; tested: TestEventOutcome }) => (
  <div
    class={`notice${tested.ok ? " notice--success" : ""}`}
    role="status"
    data-test-result={tested.ok ? "ok" : "failed"}
  >
    <p>
      {tested.ok
        ? t("agencies.test.ok", { status: String(tested.status) })
        : t("agencies.test.failed", { error: tested.error })}
    </p>
  </div>
);

export const agencyPage = (c: Context<ViewerEnv>, view: AgencyView) => {
  const t = textOf(c);
  const { agency } = view;
  const errors = view.errors ?? [];
  const csrfToken = c.var.session.csrfToken;
  const base = agencyPath(agency.id);
  return renderPage(
    c,
    { title: agency.name, status: errors.length ? 422 : 200, hasErrors: errors.length > 0, here: base },
    <div class="narrow">
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <ErrorSummary t={t} errors={errors} />
      {view.done && (
        <div class="notice notice--success" role="status">
          <p>{t(`agencies.done.${view.done}`)}</p>
        </div>
      )}
      {view.tested && <TestResult t={t} tested={view.tested} />}
      <p>
        <a href={AGENCIES_HOME}>{t("agencies.back")}</a>
      </p>
      <h1 class="tip-title" dir="auto">
        {agency.name}
      </h1>
      <p>
        <code dir="ltr">{agency.slug}</code>
        {agency.disabled && (
          <>
            {" "}
            <strong class="delivery delivery--dead">{t("agencies.tag.disabled")}</strong>
          </>
        )}
      </p>

      <h2>{t("agencies.edit.title")}</h2>
      <PostForm action={base} csrfToken={csrfToken}>
        <AgencyFields t={t} values={view.values ?? valuesOf(agency)} errors={errors} withSlug={false} />
        <Button>{t("agencies.edit.submit")}</Button>
      </PostForm>

      <h2>{t("agencies.webhook.title")}</h2>
      <p>{agency.webhookUrl ? t("agencies.webhook.current") : t("agencies.webhook.none")}</p>
      {agency.webhookUrl && (
        <p>
          <code dir="ltr" class="webhook-url">
            {agency.webhookUrl}
          </code>
        </p>
      )}
      <PostForm action={`${base}/webhook`} csrfToken={csrfToken}>
        <TextField
          t={t}
          id="url"
          label={t("agencies.webhook.url")}
          hint={t("agencies.webhook.url.hint")}
          value={view.webhookUrl ?? agency.webhookUrl ?? ""}
          error={errorFor(errors, "url")}
          dir="ltr"
          autocomplete="off"
        />
        <Button>{t("agencies.webhook.set")}</Button>
      </PostForm>
      {agency.webhookUrl && (
        <>
          <PostForm action={`${base}/webhook/test`} csrfToken={csrfToken}>
            <p class="hint">{t("agencies.test.hint")}</p>
            <Button variant="secondary">{t("agencies.test.submit")}</Button>
          </PostForm>
          <PostForm action={`${base}/webhook/rotate`} csrfToken={csrfToken}>
            <p class="hint">{t("agencies.webhook.rotate.hint")}</p>
            <Button variant="secondary">{t("agencies.webhook.rotate")}</Button>
          </PostForm>
          <PostForm action={`${base}/webhook/clear`} csrfToken={csrfToken}>
            <Button variant="warning">{t("agencies.webhook.clear")}</Button>
          </PostForm>
        </>
      )}
      <p>
        <a href={deliveriesPath(agency.id)}>{t("agencies.deliveries.link")}</a>
      </p>

      <h2>{t("agencies.access.title")}</h2>
      <p>{t(agency.disabled ? "agencies.enable.hint" : "agencies.disable.hint")}</p>
      <ErrorBeside errors={errors} field="disable" />
      <PostForm action={`${base}/${agency.disabled ? "enable" : "disable"}`} csrfToken={csrfToken}>
        <Button variant={agency.disabled ? "secondary" : "warning"}>
          {t(agency.disabled ? "agencies.enable.submit" : "agencies.disable.submit")}
        </Button>
      </PostForm>
      <p>{t("agencies.delete.hint")}</p>
      <ErrorBeside errors={errors} field="delete" />
      <PostForm action={`${base}/delete`} csrfToken={csrfToken}>
        <Button variant="warning">{t("agencies.delete.submit")}</Button>
      </PostForm>
    </div>,
  );
};

export const newAgencyPage = (c: Context<ViewerEnv>, view: { values: AgencyFormValues; errors: FieldError[] }) => {
  const t = textOf(c);
  const { errors } = view;
  return renderPage(
    c,
    {
      title: t("agencies.new.title"),
      status: errors.length ? 422 : 200,
      hasErrors: errors.length > 0,
      here: `${AGENCIES_HOME}/new`,
    },
    <div class="narrow">
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("agencies.new.title")}</h1>
      <PostForm action={AGENCIES_HOME} csrfToken={c.var.session.csrfToken}>
        <AgencyFields t={t} values={view.values} errors={errors} withSlug />
        <Button>{t("agencies.new.submit")}</Button>
      </PostForm>
      <p>
        <a href={AGENCIES_HOME}>{t("agencies.back")}</a>
      </p>
    </div>,
  );
};

/** The signing secret, once: it is stored sealed, and this answer is not cached. */
export const webhookSecretPage = (
  c: Context<ViewerEnv>,
  view: { agency: AgencyRow; url: string; secret: string; rotated: boolean },
) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("agencies.secret.title"), here: agencyPath(view.agency.id) },
    <div class="narrow">
      <div class="notice notice--success" role="status">
        <h1>{t(view.rotated ? "agencies.secret.rotated" : "agencies.secret.title")}</h1>
        <p>{t("agencies.secret.intro", { agency: view.agency.name })}</p>
        <p>
          <code dir="ltr">{view.url}</code>
        </p>
        <p>
          <code class="setup-key webhook-secret" dir="ltr" translate="no">
            {view.secret}
          </code>
        </p>
      </div>
      <p>
        <a href={agencyPath(view.agency.id)}>{t("agencies.secret.back")}</a>
      </p>
    </div>,
  );
};
