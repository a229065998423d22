import type { MessageId } from "@shared/i18n/types.js";
import type { CaptchaSolution } from "@shared/tip.js";
import type { SendResult } from "./api.js";
import { refusedFields } from "./refused.js";
import type { Field, StepId } from "./state.js";
import type { Errors } from "./validate.js";

type Solution = CaptchaSolution | null;

/**
 * One report on its way to the server. The Idempotency-Key belongs to the report: every retry of
 * it carries the same key, so the server stores it at most once, whatever answer was lost.
 */
export type SendFlow =
  /** Being written or reviewed; `solution` is a captcha solved for it and not yet spent. */
  | { phase: "editing"; key: string; solution: Solution }
  | { phase: "captcha"; key: string }
  | { phase: "sending"; key: string; solution: CaptchaSolution; retried: boolean }
  | { phase: "sent"; receipt: string }
  /** Not stored (or not known to be): the answers stay, and a retry sends them again under `key`. */
  | { phase: "failed"; key: string; solution: Solution; message: MessageId; retryAt: number; offline: boolean }
  /** The server refused some answers (422): each is marked beside its field, `field` (on `step`) first. */
  | { phase: "refused"; key: string; solution: Solution; errors: Errors; field: Field; step: StepId };

export type SendEvent =
  /** Send, pressed on the review. */
  | { type: "send"; now: number }
  | { type: "solved"; solution: CaptchaSolution }
  | { type: "answered"; result: SendResult; now: number; newKey: string }
  /** Retry, pressed on the failure screen, or the connection back after an offline failure. */
  | { type: "retry"; now: number }
  /** A new, empty report after the receipt. */
  | { type: "restart"; newKey: string };

export const startFlow = (key: string): SendFlow => ({ phase: "editing", key, solution: null });

const FAILURES: Record<string, MessageId> = {
  offline: "error.offline",
  busy: "error.busy",
  rate: "error.rateLimited",
  rejected: "error.rejected",
};

const failed = (key: string, solution: Solution, problem: string, now: number, retryAfterSeconds = 0): SendFlow => ({
  phase: "failed",
  key,
  solution,
  message: FAILURES[problem] ?? "error.server",
  retryAt: now + retryAfterSeconds * 1000,
  offline: problem === "offline",
});

/** With a captcha solved and unspent, straight to sending; else the captcha first. */
const go = (key: string, solution: Solution): SendFlow =>
  solution ? { phase: "sending", key, solution, retried: false } : { phase: "captcha", key };

const answered = (
  flow: Extract<SendFlow, { phase: "sending" }>,
  event: Extract<SendEvent, { type: "answered" }>,
): SendFlow => {
  const { key, solution } = flow;
  const { result, now } = event;
  if (result.ok) return { phase: "sent", receipt: result.receipt };
  switch (result.problem) {
    case "conflict":
      // The key already carries an earlier version of this report (stored, its answer lost): this
      // edited version is another report, under a new key. Once only: a second 409 is a failure.
      return flow.retried
        ? failed(event.newKey, solution, "server", now)
        : { phase: "sending", key: event.newKey, solution, retried: true };
    case "captcha":
      return { phase: "captcha", key };
    case "invalid": {
      const { errors, first, step } = refusedFields(result.issues ?? []);
      return first && step
        ? { phase: "refused", key, solution, errors, field: first, step }
        : failed(key, solution, "rejected", now);
    }
    case "rate":
      // The captcha was spent on this attempt, and will have expired by the end of the wait.
      return failed(key, null, "rate", now, result.retryAfterSeconds);
    default:
      return failed(key, solution, result.problem, now, result.retryAfterSeconds);
  }
};

/** The next state of the flow; an event that does not apply to the current state changes nothing. */
export const advance = (flow: SendFlow, event: SendEvent): SendFlow => {
  switch (event.type) {
    case "send":
      // Still within a wait the server asked for: the failure and its countdown again.
      if (flow.phase === "failed" && flow.retryAt > event.now) return flow;
      return flow.phase === "editing" || flow.phase === "failed" || flow.phase === "refused"
        ? go(flow.key, flow.solution)
        : flow;
    case "solved":
      return flow.phase === "captcha" ? go(flow.key, event.solution) : flow;
    case "answered":
      return flow.phase === "sending" ? answered(flow, event) : flow;
    case "retry":
      return flow.phase === "failed" && flow.retryAt <= event.now ? go(flow.key, flow.solution) : flow;
    case "restart":
      return flow.phase === "sent" ? startFlow(event.newKey) : flow;
  }
};
