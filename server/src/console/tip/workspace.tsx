import type { ConsoleLanguage } from "@balagh/shared";
import type { Context } from "hono";
import { CONVERSATION_CSS_PATH, CONVERSATION_JS_PATH, TIP_CSS_PATH } from "../assets/routes.js";
import { renderPage, textOf } from "../render.js";
import type { ViewerEnv } from "../types.js";
import { ErrorSummary } from "../ui/forms.js";
import type { TipActionName } from "./act.js";
import { ActionForms, type Attempt } from "./action-forms.js";
import { Answers } from "./answers.js";
import { ChannelFacts } from "./channel-facts.js";
import { ConversationSection, type ConversationView, REPLY_FIELD } from "./conversation.js";
import { Notes, Related, Timeline, tipPath, whoIs } from "./history.js";
import { formatTime } from "./labels.js";
import type { Workspace } from "./load.js";
import { Routes, Triage } from "./record.js";
import { RerouteLink } from "./reroute-page.js";

const STATUSES = ["received", "in_review", "referred", "closed", "spam", "duplicate"] as const;
const statusKey = (status: string) =>
  (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : "received";

export type WorkspaceView = {
  attempt?: Attempt | null;
  done?: TipActionName | null;
  conversation?: ConversationView | null;
};

/** The tip workspace: everything the member may read about one tip, then the actions they may take. */
export const workspacePage = (c: Context<ViewerEnv>, { tip, emails, assignable }: Workspace, view: WorkspaceView) => {
  const t = textOf(c);
  const language: ConsoleLanguage = c.var.language;
  const attempt = view.attempt ?? null;
  const conversation = view.conversation ?? null;
  const errors = [
    ...(attempt?.errors ?? []),
    ...(conversation?.error ? [{ field: REPLY_FIELD, message: conversation.error }] : []),
  ];
  return renderPage(
    c,
    {
      title: t("tip.title", { id: tip.id }),
      status: errors.length ? 422 : 200,
      hasErrors: errors.length > 0,
      here: tipPath(tip.id),
    },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={CONVERSATION_CSS_PATH} />
      <p>
        <a href="/console">{t("tip.backToQueue")}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      {view.done && (
        <div class="notice notice--success" role="status">
          <p>{t(`tip.done.${view.done}`)}</p>
        </div>
      )}
      <h1 class="tip-title">
        {t("tip.title", { id: "" }).trim()}{" "}
        <bdi class="tip-id" dir="ltr">
          {tip.id}
        </bdi>
      </h1>
      <dl class="summary-list">
        <div>
          <dt>{t("tip.summary.status")}</dt>
          <dd>{t(`tip.status.${statusKey(tip.status)}`)}</dd>
        </div>
        {tip.duplicateOf && (
          <div>
            <dt>{t("tip.summary.duplicateOf")}</dt>
            <dd>
              <a href={tipPath(tip.duplicateOf)}>{tip.duplicateOf}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("tip.summary.assigned")}</dt>
          <dd>{tip.assignedTo ? whoIs(t, emails, tip.assignedTo) : t("tip.summary.nobody")}</dd>
        </div>
        <div>
          <dt>{t("tip.summary.received")}</dt>
          <dd>{formatTime(language, tip.createdAt)}</dd>
        </div>
        <div>
          <dt>{t("tip.summary.partner")}</dt>
          <dd>{tip.partnerKey ?? "–"}</dd>
        </div>
        <ChannelFacts t={t} tip={tip} emails={emails} />
      </dl>
      <div class="workspace">
        <div class="workspace__record">
          <Triage t={t} tip={tip} />
          <Answers t={t} language={language} tip={tip} />
          {conversation && (
            <ConversationSection t={t} language={language} csrfToken={c.var.session.csrfToken} view={conversation} />
          )}
          <Routes t={t} language={language} tip={tip} />
          <Notes t={t} language={language} tip={tip} emails={emails} />
          <Related t={t} language={language} tip={tip} />
          <Timeline t={t} language={language} tip={tip} emails={emails} />
        </div>
        <div class="workspace__actions">
          <ActionForms
            t={t}
            tipId={tip.id}
            csrfToken={c.var.session.csrfToken}
            attempt={attempt}
            viewer={c.var.viewer}
            tip={tip}
            assignable={assignable}
          />
          <RerouteLink t={t} tipId={tip.id} viewer={c.var.viewer} />
        </div>
      </div>
      {conversation && <script src={CONVERSATION_JS_PATH} defer />}
    </>,
  );
};
