import { type Translate, useI18n } from "../i18n.js";
import { codePoints } from "../state.js";
import { describedBy, Title } from "../ui/fields.js";
import type { Message } from "./api.js";
import type { FollowupFlow, ReplyError, SendProblem } from "./flow.js";
import type { FollowupTranslate } from "./i18n.js";
import { REPLY_MAX } from "./limits.js";

type Props = {
  flow: Extract<FollowupFlow, { phase: "open" }>;
  ft: FollowupTranslate;
  waitMs: number;
  onReply: (value: string) => void;
  onSend: () => void;
  onLoad: () => void;
  onClose: () => void;
};

const SEND_PROBLEMS: Record<SendProblem, "reply.offline" | "reply.server" | "reply.rate"> = {
  offline: "reply.offline",
  server: "reply.server",
  busy: "reply.server",
  rate: "reply.rate",
};

export const sendProblemText = (ft: FollowupTranslate, problem: SendProblem) => ft(SEND_PROBLEMS[problem]);

export const replyErrorText = (t: Translate, error: ReplyError) =>
  error === "required"
    ? t("error.required")
    : error === "tooLong"
      ? t("error.tooLong", { max: REPLY_MAX })
      : t("error.notAccepted");

const Messages = ({ messages, ft }: { messages: Message[]; ft: FollowupTranslate }) => {
  const { lang } = useI18n();
  const when = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
  if (messages.length === 0) return <p class="muted">{ft("messages.none")}</p>;
  return (
    <ol class="messages">
      {messages.map((m, i) => (
        <li key={`${m.sentAt}-${String(i)}`} class={`message from-${m.from}`}>
          <p class="message-meta">
            <span class="message-from">{ft(m.from === "hotline" ? "messages.hotline" : "messages.you")}</span>{" "}
            {m.automatic && <span>({ft("messages.automatic")}) </span>}
            <time dateTime={m.sentAt}>{when.format(new Date(m.sentAt))}</time>
          </p>
          {/* Each message in its own direction: an Arabic reply reads right to left in a French page. */}
          <p class="message-body" dir="auto">
            {m.body}
          </p>
        </li>
      ))}
    </ol>
  );
};

/** The status in plain words, the conversation (newest last) and the reply box. */
export const ConversationView = ({ flow, ft, waitMs, onReply, onSend, onLoad, onClose }: Props) => {
  const { t, lang } = useI18n();
  const { conversation, send, reply } = flow;
  const count = codePoints(reply.text);
  const errorText = send.kind === "refused" ? replyErrorText(t, send.error) : null;

  return (
    <>
      <Title>{ft("status.title")}</Title>
      {!conversation && flow.loading && <p class="muted">{ft("status.loading")}</p>}
      {flow.loadFailed && <p class="error">{ft("status.failed")}</p>}
      {conversation && (
        <>
          {conversation.receivedAt && (
            <p>
              {ft("status.receivedOn", {
                date: new Date(conversation.receivedAt).toLocaleDateString(lang, { dateStyle: "long" }),
              })}
            </p>
          )}
          <div class="followup-status">
            <h2 class="h2">{ft("status.label")}</h2>
            <p class="lead">{ft(`status.${conversation.status}.text`)}</p>
          </div>
          <h2 class="h2">{ft("messages.title")}</h2>
          <Messages messages={conversation.messages} ft={ft} />
        </>
      )}
      <button type="button" class="button link" onClick={onLoad} disabled={flow.loading}>
        {ft("status.refresh")}
      </button>

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSend();
        }}
      >
        <div class="field">
          <label for="reply" class="label">
            {ft("reply.label")}
          </label>
          <p class="hint" id="reply-hint">
            {ft("reply.hint")}
          </p>
          {errorText && (
            <p class="error" id="reply-error">
              {errorText}
            </p>
          )}
          <textarea
            id="reply"
            name="reply"
            rows={6}
            dir="auto"
            autocomplete="off"
            value={reply.text}
            readOnly={send.kind === "sending"}
            aria-invalid={errorText ? "true" : undefined}
            aria-describedby={describedBy("reply-hint", errorText ? "reply-error" : undefined, "reply-count")}
            onInput={(event) => onReply(event.currentTarget.value)}
          />
          <p id="reply-count" class={count > REPLY_MAX ? "counter over" : "counter"}>
            {t("narrative.count", { count, max: REPLY_MAX })}
          </p>
        </div>
        {send.kind === "failed" && (
          <div class="problem">
            <p class="error">{sendProblemText(ft, send.problem)}</p>
            {waitMs > 0 && <p>{t("send.retryIn", { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) })}</p>}
          </div>
        )}
        {send.kind === "sent" && <p class="confirmation">{ft("reply.sent")}</p>}
        {send.kind === "sending" ? (
          <p class="working">
            <span class="spinner" aria-hidden="true" />
            {ft("reply.sending")}
          </p>
        ) : (
          <div class="actions">
            <button type="submit" class="button primary" disabled={waitMs > 0}>
              {send.kind === "failed" ? t("send.retry") : ft("reply.send")}
            </button>
          </div>
        )}
      </form>
      <button type="button" class="button secondary" onClick={onClose}>
        {ft("close.button")}
      </button>
    </>
  );
};
