import type { PartnerConfig } from "@shared/partner-config.js";
import { useEffect, useRef, useState } from "preact/hooks";
import { type Translate, useI18n } from "../i18n.js";
import { loadLate } from "../late-loader.js";
import { alertNow, status } from "../live.js";
import { newIdempotencyKey } from "../state.js";
import { Emergency } from "../ui/emergency.js";
import { openSession, readFollowup, sendMessage } from "./api.js";
import { ConversationView, replyErrorText, sendProblemText } from "./conversation.js";
import { EntryView, entryProblemText } from "./entry.js";
import { advance, type FollowupEvent, type FollowupFlow, startFollowup } from "./flow.js";
import { type FollowupTranslate, useFollowupWords } from "./i18n.js";

type Props = {
  config: PartnerConfig;
  country: string;
  onCountry: (code: string) => void;
  /** Back to the first screen; unmounting drops the session token and whatever was typed. */
  onClose: () => void;
};

type Words = { ft: FollowupTranslate; t: Translate; lang: string };

const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
const focusTitle = () => requestAnimationFrame(() => document.querySelector<HTMLElement>("h1.title")?.focus());

/** Says what changed, for screen readers, and moves the focus where the reporter acts next. */
const announce = (previous: FollowupFlow, next: FollowupFlow, { ft, t, lang }: Words) => {
  if (next.phase === "entry") {
    if (next.expired && previous.phase === "open") {
      alertNow(ft("entry.expired"));
      focusTitle();
    } else if (next.problem) {
      alertNow(entryProblemText(ft, next.problem, next.retryAt, lang));
      focusById("receipt");
    }
    return;
  }
  if (next.phase !== "open") return;
  if (previous.phase !== "open") {
    status(ft("status.title"));
    focusTitle();
    return;
  }
  const { send } = next;
  if (send === previous.send) return;
  if (send.kind === "sending") status(ft("reply.sending"));
  if (send.kind === "sent") status(ft("reply.sent"));
  if (send.kind === "failed") alertNow(sendProblemText(ft, send.problem));
  if (send.kind === "refused") {
    alertNow(replyErrorText(t, send.error));
    focusById("reply");
  }
};

export const FollowupScreen = ({ config, country, onCountry, onClose }: Props) => {
  const { t, lang } = useI18n();
  const ft = useFollowupWords(lang);
  const [flow, setFlow] = useState<FollowupFlow>(() => startFollowup(newIdempotencyKey()));
  // The same, as of now: an answer arriving later moves on from the latest state, not a render's.
  const current = useRef(flow);
  const live = useRef(true);
  const words = useRef({ ft, t, lang });
  words.current = { ft, t, lang };
  const [, tick] = useState(0);

  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const dispatch = (event: FollowupEvent) => {
    if (!live.current) return;
    const previous = current.current;
    const next = advance(previous, event);
    if (next === previous) return;
    current.current = next;
    setFlow(next);
    const { ft: followupWords, t: mainWords, lang: shownLang } = words.current;
    if (followupWords) announce(previous, next, { ft: followupWords, t: mainWords, lang: shownLang });

    if (next.phase === "opening" && previous.phase !== "opening") {
      void openSession(next.digits).then((answer) => dispatch({ type: "opened", answer, now: Date.now() }));
    }
    if (next.phase !== "open") return;
    const { token } = next.session;
    const was = previous.phase === "open" ? previous : null;
    const justSent = was?.send.kind === "sending" && next.send.kind === "sent";
    if (next.loading && (!was?.loading || justSent)) {
      void readFollowup(token).then((answer) => dispatch({ type: "loaded", token, answer }));
    }
    const sendingNow = next.send.kind === "sending";
    const wasSendingThis = was?.send.kind === "sending" && was.reply.key === next.reply.key;
    if (sendingNow && !wasSendingThis) {
      void sendMessage(token, next.reply.text, next.reply.key).then((answer) =>
        dispatch({ type: "sent", token, answer, now: Date.now(), newKey: newIdempotencyKey() }),
      );
    }
  };

  const retryAt =
    flow.phase === "entry"
      ? flow.retryAt
      : flow.phase === "open" && flow.send.kind === "failed"
        ? flow.send.retryAt
        : 0;
  const waitMs = Math.max(0, retryAt - Date.now());

  // Re-render when a Retry-After wait is over, so the button comes back by itself.
  useEffect(() => {
    if (waitMs <= 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), Math.min(waitMs, 30_000) + 50);
    return () => clearTimeout(timer);
  });

  // Offline: send again as soon as the connection is back (same text, same Idempotency-Key).
  const offline = flow.phase === "open" && flow.send.kind === "failed" && flow.send.problem === "offline";
  useEffect(() => {
    if (!offline) return;
    const retry = () => dispatch({ type: "send", now: Date.now() });
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [offline]);

  // The screen's heading takes the focus once its words are there (the chunk arrives after the click).
  const shown = ft !== null;
  useEffect(() => {
    if (shown) document.querySelector<HTMLElement>("h1.title")?.focus();
  }, [shown]);

  return (
    <>
      {!ft ? (
        <p class="muted">{t("app.loading")}</p>
      ) : flow.phase === "open" ? (
        <ConversationView
          flow={flow}
          ft={ft}
          waitMs={waitMs}
          onReply={(value) => dispatch({ type: "reply", value })}
          onSend={() => dispatch({ type: "send", now: Date.now() })}
          onLoad={() => dispatch({ type: "load" })}
          onClose={onClose}
        />
      ) : (
        <EntryView
          flow={flow}
          ft={ft}
          waitMs={waitMs}
          onReceipt={(value) => dispatch({ type: "receipt", value })}
          onOpen={(typed) =>
            // Loaded before these screens show (followup-loader.ts): this resolves at once.
            void loadLate().then(({ normaliseReceipt }) =>
              dispatch({ type: "open", now: Date.now(), digits: normaliseReceipt(typed) }),
            )
          }
          onBack={onClose}
        />
      )}
      <Emergency config={config} country={country} onCountry={onCountry} urgent={false} />
      <div class="safety">
        <p>{t("safety.noConfront")}</p>
        <p class="small">{t("safety.note")}</p>
        <p class="small">{t("exit.hint")}</p>
      </div>
    </>
  );
};
