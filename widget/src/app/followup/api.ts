import type { TipStatus } from "@shared/followup.js";

/** The follow-up API's answers, as the follow-up flow (flow.ts) reads them. */
export type Problem =
  /** No answer: nothing is known to be stored, so a retry (same Idempotency-Key) is safe. */
  | "offline"
  | "server"
  | "busy"
  | "rate"
  /** 401: the session is over (expired, or never valid); the receipt opens a new one. */
  | "expired"
  /** The receipt opened nothing. Whatever the server's reason, the reporter is told the same. */
  | "wrong"
  /** 422 on a message: the text breaks a rule the widget does not check (a control character). */
  | "invalid"
  | "conflict";

export type Failure = { ok: false; problem: Problem; retryAfterSeconds?: number };
export type Answer<T> = { ok: true; value: T } | Failure;

export type Session = { token: string; expiresAt: string };
/** `automatic`: the hotline's acknowledgement of the report, written by no one. */
export type Message = { from: "reporter" | "hotline"; body: string; sentAt: string; automatic: boolean };
export type Conversation = { status: TipStatus; receivedAt: string | null; messages: Message[] };

const TIMEOUT_MS = 60_000;
const STATUSES: readonly string[] = ["received", "in_review", "referred", "closed"];

const retryAfter = (response: Response, now: number): number | undefined => {
  const value = response.headers.get("Retry-After");
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
};

/** A refusal read from its status alone: bodies of refusals say nothing the reporter needs. */
export const failureOf = (response: Response, now = Date.now()): Failure => {
  const wait = retryAfter(response, now);
  switch (response.status) {
    case 401:
      return { ok: false, problem: "expired" };
    case 409:
      return { ok: false, problem: "conflict" };
    case 422:
      return { ok: false, problem: "invalid" };
    case 429:
      return { ok: false, problem: "rate", retryAfterSeconds: wait ?? 60 };
    case 503:
      return { ok: false, problem: "busy", ...(wait === undefined ? {} : { retryAfterSeconds: wait }) };
    default:
      return { ok: false, problem: "server" };
  }
};

const isString = (value: unknown): value is string => typeof value === "string";

export const readSession = (body: unknown): Session | null => {
  const { token, expiresAt } = (body ?? {}) as Record<string, unknown>;
  return isString(token) && token && isString(expiresAt) ? { token, expiresAt } : null;
};

/** The conversation, read defensively: a message of an unknown shape is left out, not shown half. */
export const readConversation = (body: unknown): Conversation | null => {
  const { status, receivedAt, messages } = (body ?? {}) as Record<string, unknown>;
  if (!isString(status) || !STATUSES.includes(status) || !Array.isArray(messages)) return null;
  const readable = messages.filter(
    (m): m is Message => (m?.from === "reporter" || m?.from === "hotline") && isString(m.body) && isString(m.sentAt),
  );
  return {
    status: status as TipStatus,
    receivedAt: isString(receivedAt) ? receivedAt : null,
    // Newest last, whatever order they came in.
    messages: readable
      .map(({ from, body, sentAt, automatic }) => ({ from, body, sentAt, automatic: automatic === true }))
      .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)),
  };
};

/** Same origin, no cookies, nothing cached, no referrer: the token travels in the header only. */
const call = async (path: string, init: RequestInit): Promise<Response | null> => {
  try {
    return await fetch(path, {
      ...init,
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return null;
  }
};

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** `receipt`: 20 ASCII digits, already normalised. */
export const openSession = async (receipt: string): Promise<Answer<Session>> => {
  const response = await call("/api/v1/followup/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ receipt }),
  });
  if (!response) return { ok: false, problem: "offline" };
  if (response.ok) {
    const session = readSession(await response.json().catch(() => null));
    return session ? { ok: true, value: session } : { ok: false, problem: "server" };
  }
  // Every refusal of a receipt reads alike (wrong, unknown, malformed): only waits and outages differ.
  return response.status === 429 || response.status >= 500 ? failureOf(response) : { ok: false, problem: "wrong" };
};

export const readFollowup = async (token: string): Promise<Answer<Conversation>> => {
  const response = await call("/api/v1/followup", { method: "GET", headers: bearer(token) });
  if (!response) return { ok: false, problem: "offline" };
  if (!response.ok) return failureOf(response);
  const conversation = readConversation(await response.json().catch(() => null));
  return conversation ? { ok: true, value: conversation } : { ok: false, problem: "server" };
};

export const sendMessage = async (token: string, body: string, idempotencyKey: string): Promise<Answer<null>> => {
  const response = await call("/api/v1/followup/messages", {
    method: "POST",
    headers: { ...bearer(token), "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify({ body }),
  });
  if (!response) return { ok: false, problem: "offline" };
  return response.ok ? { ok: true, value: null } : failureOf(response);
};
