import type { Context } from "hono";
import type { ChainCheck } from "../../audit/verify.js";
import { TIP_CSS_PATH } from "../assets/routes.js";
import type { Translate } from "../i18n.js";
import { renderPage, textOf } from "../render.js";
import { formatTime } from "../tip/labels.js";
import type { ViewerEnv } from "../types.js";
import { Button, ErrorSummary, errorFor, type FieldError, TextField } from "../ui/forms.js";
import type { FilterValues } from "./filters.js";
import type { AuditEntryRow } from "./query.js";

export type AuditView = {
  /** Only when the reader asked: walking a log of millions of entries is not done on every page. */
  chain: ChainCheck | null;
  entries: AuditEntryRow[];
  emails: Map<string, string>;
  actions: string[];
  values: FilterValues;
  errors: FieldError[];
  nextHref: string | null;
};

const CheckChain = ({ t }: { t: Translate }) => (
  <form method="get" action="/console/audit" class="chain">
    <input type="hidden" name="verify" value="1" />
    <p>{t("audit.checkHint")}</p>
    <Button>{t("audit.check")}</Button>
  </form>
);

const ChainResult = ({ t, chain }: { t: Translate; chain: ChainCheck }) => (
  <div class={`chain${chain.intact ? "" : " chain--broken"}`} role="status">
    <p>
      {chain.intact
        ? t("audit.chainIntact", { entries: chain.entries })
        : t(chain.problem.startsWith("was changed") ? "audit.chainEdited" : "audit.chainOrder", {
            seq: chain.brokenAt,
          })}
    </p>
  </div>
);

/** Whatever was recorded, shown as text: a value someone typed (a reason) never becomes markup. */
const Details = ({ details }: { details: Record<string, unknown> }) => {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <dl class="audit-entry__details">
      {entries.map(([key, value]) => (
        <div>
          <dt class="visually-hidden">{key}</dt>
          <dd class="free-text" dir="auto">
            {key}: {typeof value === "string" ? value : JSON.stringify(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
};

const Filters = ({ t, view }: { t: Translate; view: AuditView }) => (
  <form method="get" action="/console/audit" class="filters" novalidate>
    <h2 class="filters__title">{t("audit.filters")}</h2>
    <div class="filters__grid">
      <TextField t={t} id="actor" label={t("audit.actor")} value={view.values.actor} dir="ltr" />
      <TextField t={t} id="tip" label={t("audit.tip")} value={view.values.tip} dir="ltr" />
      <div class="form-group">
        <label class="label" for="action">
          {t("audit.action")}
        </label>
        <select class="select" id="action" name="action">
          <option value="">{t("audit.anyAction")}</option>
          {view.actions.map((action) => (
            <option value={action} selected={view.values.action === action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <TextField
        t={t}
        id="from"
        label={t("audit.from")}
        value={view.values.from}
        dir="ltr"
        error={errorFor(view.errors, "from")}
      />
      <TextField
        t={t}
        id="to"
        label={t("audit.to")}
        value={view.values.to}
        dir="ltr"
        error={errorFor(view.errors, "to")}
      />
    </div>
    <Button>{t("audit.apply")}</Button> <a href="/console/audit">{t("audit.clear")}</a>
  </form>
);

/** The audit log for admins and auditors: the chain's check (when asked for), then the entries, newest first. */
export const auditLogPage = (c: Context<ViewerEnv>, view: AuditView) => {
  const t = textOf(c);
  const language = c.var.language;
  const who = (actor: string) => view.emails.get(actor) ?? actor;
  return renderPage(
    c,
    { title: t("audit.title"), status: view.errors.length ? 422 : 200, hasErrors: view.errors.length > 0 },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <ErrorSummary t={t} errors={view.errors} />
      <h1>{t("audit.title")}</h1>
      {view.chain ? <ChainResult t={t} chain={view.chain} /> : <CheckChain t={t} />}
      <Filters t={t} view={view} />
      <h2>{t("audit.entries")}</h2>
      {view.entries.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <ol class="audit-entries">
          {view.entries.map((entry) => (
            <li class="audit-entry">
              <p class="audit-entry__head">
                <span class="muted">#{entry.seq}</span>
                <time datetime={entry.at.toISOString()}>{formatTime(language, entry.at)}</time>
                <strong dir="auto">{who(entry.actor)}</strong>
                <code>{entry.action}</code>
                {entry.subject && (
                  <span>
                    {t("audit.subject")}: <code dir="ltr">{who(entry.subject)}</code>
                  </span>
                )}
              </p>
              <Details details={entry.details} />
            </li>
          ))}
        </ol>
      )}
      {view.nextHref && (
        <p>
          <a href={view.nextHref}>{t("audit.older")}</a>
        </p>
      )}
    </>,
  );
};
