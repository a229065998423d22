import type { ConsoleLanguage } from "@balagh/shared";
import type { Conversation, ConversationMessage } from "../../tips/conversation.js";
import type { Translate } from "../i18n.js";
import { TextArea } from "../ui/fields.js";
import { Button, PostForm } from "../ui/forms.js";
import { tipPath } from "./history.js";
import { formatTime } from "./labels.js";
import { replyIsLate } from "./reply-reminder.js";

/** A ready answer, already in the one language it will be offered in. */
export type ReplyTemplate = { id: string; title: string; body: string };

export type ConversationView = {
  conversation: Conversation;
  /** The message sent to every reporter when the tip was filed, shown first; null when there is none. */
  acknowledgement: { text: string; at: Date } | null;
  templates: ReplyTemplate[];
  reminderMs: number;
  now: Date;
  /** What the reply box holds: a refused reply kept, or a template chosen without JavaScript. */
  draft: string;
  error: string | null;
  done: boolean;
};

export const REPLY_FIELD = "reply";

const MessageItem = ({
  t,
  language,
  message,
}: {
  t: Translate;
  language: ConsoleLanguage;
  message: ConversationMessage;
}) => {
  const fromReporter = message.direction === "reporter";
  return (
    <li class={`message message--${message.direction}`} data-message-id={message.id}>
      <p class="message__head">
        <strong>{fromReporter ? t("followup.from.reporter") : t("followup.from.hotline")}</strong>
        {!fromReporter && (
          <>
            {" · "}
            <bdi>{message.staffEmail ?? t("tip.timeline.formerMember")}</bdi>
          </>
        )}{" "}
        <time datetime={message.createdAt.toISOString()}>{formatTime(language, message.createdAt)}</time>
        {message.wasUnread && (
          <>
            {" "}
            <strong class="tag tag--unread">{t("followup.new")}</strong>
          </>
        )}
      </p>
      <p class="free-text" dir="auto">
        {message.text}
      </p>
    </li>
  );
};

/** The messages alone: the page's part that the script draws again when the reporter writes. */
export const ConversationMessages = ({
  t,
  language,
  view,
}: {
  t: Translate;
  language: ConsoleLanguage;
  view: Pick<ConversationView, "conversation" | "acknowledgement">;
}) => {
  const { acknowledgement } = view;
  const { messages } = view.conversation;
  return (
    <div id="conversation-messages">
      {!acknowledgement && messages.length === 0 ? (
        <p>{t("followup.none")}</p>
      ) : (
        <ol class="messages">
          {acknowledgement && (
            <li class="message message--hotline message--automatic">
              <p class="message__head">
                <strong>{t("followup.automatic")}</strong>{" "}
                <time datetime={acknowledgement.at.toISOString()}>{formatTime(language, acknowledgement.at)}</time>
              </p>
              <p class="free-text" dir="auto">
                {acknowledgement.text}
              </p>
            </li>
          )}
          {messages.map((message) => (
            <MessageItem t={t} language={language} message={message} />
          ))}
        </ol>
      )}
    </div>
  );
};

const Templates = ({ t, tipId, templates }: { t: Translate; tipId: string; templates: ReplyTemplate[] }) =>
  templates.length === 0 ? null : (
    <div class="reply-templates">
      <p class="label" id="reply-templates-title">
        {t("followup.templates")}
      </p>
      <p class="hint">{t("followup.templates.hint")}</p>
      <ul class="plain-list reply-templates__list" aria-labelledby="reply-templates-title">
        {templates.map((template) => (
          <li>
            <a
              href={`${tipPath(tipId)}?template=${encodeURIComponent(template.id)}#${REPLY_FIELD}`}
              data-template-body={template.body}
              dir="auto"
            >
              {template.title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );

/**
 * The conversation with the reporter, the hotline's side: the messages oldest first, each in its
 * own direction and as text, a reminder when the reporter has waited too long, and the reply form.
 */
export const ConversationSection = ({
  t,
  language,
  csrfToken,
  view,
}: {
  t: Translate;
  language: ConsoleLanguage;
  csrfToken: string;
  view: ConversationView;
}) => {
  const { conversation } = view;
  const waitingSince = conversation.awaitingReplySince;
  return (
    <section
      id="conversation"
      class="conversation"
      aria-labelledby="conversation-title"
      data-tip-id={conversation.tipId}
    >
      <h2 id="conversation-title">{t("followup.title")}</h2>
      {view.done && (
        <div class="notice notice--success" role="status">
          <p>{t("followup.done")}</p>
        </div>
      )}
      {waitingSince && (
        <p class="conversation__waiting">
          {t("followup.waitingSince", { time: formatTime(language, waitingSince) })}
          {replyIsLate(waitingSince, view.now, view.reminderMs) && (
            <>
              {" "}
              <strong class="tag tag--reminder">{t("followup.reminder")}</strong>
            </>
          )}
        </p>
      )}
      {/* Empty until the script fills it: a status region present from the start is announced when it changes. */}
      <div id="conversation-live" role="status" data-text={t("followup.live.arrived")} />
      <ConversationMessages t={t} language={language} view={view} />
      <section class="reply" aria-labelledby="reply-title">
        <h3 id="reply-title">{t("followup.reply.title")}</h3>
        <Templates t={t} tipId={conversation.tipId} templates={view.templates} />
        <PostForm action={`${tipPath(conversation.tipId)}/reply`} csrfToken={csrfToken}>
          <TextArea
            t={t}
            id={REPLY_FIELD}
            name={REPLY_FIELD}
            label={t("followup.reply.label")}
            hint={t("followup.reply.hint")}
            rows={6}
            value={view.draft}
            error={view.error ?? undefined}
          />
          <Button>{t("followup.reply.submit")}</Button>
        </PostForm>
      </section>
    </section>
  );
};
