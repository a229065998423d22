import { codePoints } from "../state.js";
import type { Answer, Conversation, Problem, Session } from "./api.js";
import { REPLY_MAX } from "./limits.js";

/** The reply being written and its Idempotency-Key: every retry of this text carries the same key. */
export type Reply = { text: string; key: string };

export type EntryProblem = "format" | "wrong" | "rate" | "offline" | "server" | "busy";
export type SendProblem = "offline" | "server" | "busy" | "rate";
export type ReplyError = "required" | "tooLong" | "invalid";

export type SendState =
  | { kind: "idle" }
  | { kind: "sending"; retried: boolean }
  | { kind: "sent" }
  /** Not stored (or not known to be): the text stays, and a retry sends it again under the same key. */
  | { kind: "failed"; problem: SendProblem; retryAt: number }
  | { kind: "refused"; error: ReplyError };

/**
 * The reporter's way back to their report. The session token lives in this object only (component
 * state, never on the device) and is dropped when the session ends; the receipt is dropped as soon
 * as it has opened a session. `expired`: the receipt is asked for again because the last session
 * ended, and `reply` is what was being written then.
 */
export type FollowupFlow =
  | { phase: "entry"; receipt: string; problem: EntryProblem | null; retryAt: number; expired: boolean; reply: Reply }
  /** `digits`: the receipt as sent, 20 ASCII digits. */
  | { phase: "opening"; receipt: string; digits: string; expired: boolean; reply: Reply }
  | {
      phase: "open";
      session: Session;
      conversation: Conversation | null;
      loading: boolean;
      loadFailed: boolean;
      reply: Reply;
      send: SendState;
    };

export type FollowupEvent =
  | { type: "receipt"; value: string }
  /** `digits`: the typed receipt normalised (shared/src/receipt.ts), null when it is not a receipt. */
  | { type: "open"; now: number; digits: string | null }
  | { type: "opened"; answer: Answer<Session>; now: number }
  /** Read the status and the conversation again. */
  | { type: "load" }
  | { type: "loaded"; token: string; answer: Answer<Conversation> }
  | { type: "reply"; value: string }
  /** Send, or send again after a failure. */
  | { type: "send"; now: number }
  | { type: "sent"; token: string; answer: Answer<null>; now: number; newKey: string };

export const startFollowup = (key: string): FollowupFlow => ({
  phase: "entry",
  receipt: "",
  problem: null,
  retryAt: 0,
  expired: false,
  reply: { text: "", key },
});

const waitUntil = (now: number, seconds = 0) => now + seconds * 1000;

/** The session is over: ask for the receipt again, keeping what was being written. */
const expired = (reply: Reply): FollowupFlow => ({
  phase: "entry",
  receipt: "",
  problem: null,
  retryAt: 0,
  expired: true,
  reply,
});

const entryProblem = (problem: Problem): EntryProblem =>
  problem === "rate" || problem === "offline" || problem === "busy" || problem === "server" ? problem : "wrong";

const opened = (
  flow: Extract<FollowupFlow, { phase: "opening" }>,
  event: Extract<FollowupEvent, { type: "opened" }>,
) => {
  const { answer, now } = event;
  if (answer.ok) {
    return {
      phase: "open",
      session: answer.value,
      conversation: null,
      loading: true,
      loadFailed: false,
      reply: flow.reply,
      send: { kind: "idle" },
    } satisfies FollowupFlow;
  }
  return {
    phase: "entry",
    receipt: flow.receipt,
    problem: entryProblem(answer.problem),
    retryAt: waitUntil(now, answer.retryAfterSeconds),
    expired: flow.expired,
    reply: flow.reply,
  } satisfies FollowupFlow;
};

const replyError = (text: string): ReplyError | null => {
  if (!text.trim()) return "required";
  return codePoints(text) > REPLY_MAX ? "tooLong" : null;
};

const sendProblem = (problem: Problem): SendProblem =>
  problem === "rate" || problem === "offline" || problem === "busy" ? problem : "server";

const sent = (flow: Extract<FollowupFlow, { phase: "open" }>, event: Extract<FollowupEvent, { type: "sent" }>) => {
  const { answer, now, newKey } = event;
  if (answer.ok) {
    // Sent: the text goes, the next message gets a key of its own, and the conversation is read again.
    return { ...flow, reply: { text: "", key: newKey }, send: { kind: "sent" }, loading: true } satisfies FollowupFlow;
  }
  switch (answer.problem) {
    case "expired":
      return expired(flow.reply);
    case "invalid":
      return { ...flow, send: { kind: "refused", error: "invalid" } } satisfies FollowupFlow;
    case "conflict": {
      // The key went with other text (an earlier version, stored, its answer lost): this text is another
      // message, under a new key. Once only: a second 409 is a failure.
      if (flow.send.kind === "sending" && !flow.send.retried) {
        return {
          ...flow,
          reply: { ...flow.reply, key: newKey },
          send: { kind: "sending", retried: true },
        } satisfies FollowupFlow;
      }
      return { ...flow, send: { kind: "failed", problem: "server", retryAt: now } } satisfies FollowupFlow;
    }
    default:
      return {
        ...flow,
        send: {
          kind: "failed",
          problem: sendProblem(answer.problem),
          retryAt: waitUntil(now, answer.retryAfterSeconds),
        },
      } satisfies FollowupFlow;
  }
};

/** The next state; an event that does not apply to the current state changes nothing. */
export const advance = (flow: FollowupFlow, event: FollowupEvent): FollowupFlow => {
  switch (event.type) {
    case "receipt":
      return flow.phase === "entry" ? { ...flow, receipt: event.value } : flow;
    case "open":
      if (flow.phase !== "entry" || flow.retryAt > event.now) return flow;
      if (!event.digits) return { ...flow, problem: "format" };
      return {
        phase: "opening",
        receipt: flow.receipt,
        digits: event.digits,
        expired: flow.expired,
        reply: flow.reply,
      };
    case "opened":
      return flow.phase === "opening" ? opened(flow, event) : flow;
    case "load":
      return flow.phase === "open" && !flow.loading ? { ...flow, loading: true } : flow;
    case "loaded":
      if (flow.phase !== "open" || event.token !== flow.session.token) return flow;
      if (event.answer.ok) return { ...flow, conversation: event.answer.value, loading: false, loadFailed: false };
      return event.answer.problem === "expired" ? expired(flow.reply) : { ...flow, loading: false, loadFailed: true };
    case "reply": {
      if (flow.phase !== "open") return flow;
      const settled = flow.send.kind === "refused" || flow.send.kind === "sent";
      return { ...flow, reply: { ...flow.reply, text: event.value }, send: settled ? { kind: "idle" } : flow.send };
    }
    case "send": {
      if (flow.phase !== "open" || flow.send.kind === "sending") return flow;
      if (flow.send.kind === "failed" && flow.send.retryAt > event.now) return flow;
      const error = replyError(flow.reply.text);
      return { ...flow, send: error ? { kind: "refused", error } : { kind: "sending", retried: false } };
    }
    case "sent":
      return flow.phase === "open" && flow.send.kind === "sending" && event.token === flow.session.token
        ? sent(flow, event)
        : flow;
  }
};
