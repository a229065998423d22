import type { CaptchaSolution, TipInput } from "@shared/tip.js";

export type Issue = { path: string; message: string };

export type SendResult =
  | { ok: true; receipt: string }
  | {
      ok: false;
      /** offline: no answer (the tip may or may not be stored, so retry with the same key). */
      problem: "offline" | "server" | "busy" | "rate" | "captcha" | "invalid" | "conflict" | "rejected";
      retryAfterSeconds?: number;
      issues?: Issue[];
    };

const SEND_TIMEOUT_MS = 60_000;

const retryAfter = (response: Response, now: number): number | undefined => {
  const value = response.headers.get("Retry-After");
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
};

const errorOf = async (response: Response): Promise<{ code?: string; issues?: Issue[] }> => {
  try {
    const body = (await response.json()) as { error?: { code?: string; issues?: Issue[] } };
    return body.error ?? {};
  } catch {
    return {};
  }
};

/** The server's answer to one attempt, as the send flow (send-flow.ts) reads it. */
export const readAnswer = async (response: Response, now = Date.now()): Promise<SendResult> => {
  if (response.status === 201) {
    const body = (await response.json().catch(() => null)) as { receipt?: unknown } | null;
    const receipt = typeof body?.receipt === "string" && /^\d{20}$/.test(body.receipt) ? body.receipt : null;
    // A 201 without a readable receipt: the tip is stored, so a retry with the same key replays it.
    return receipt ? { ok: true, receipt } : { ok: false, problem: "server" };
  }
  const error = await errorOf(response);
  const wait = retryAfter(response, now);
  switch (response.status) {
    case 422:
      return { ok: false, problem: "invalid", issues: error.issues ?? [] };
    case 403:
      return { ok: false, problem: error.code === "captcha_failed" ? "captcha" : "rejected" };
    case 409:
      return { ok: false, problem: "conflict" };
    case 429:
      return { ok: false, problem: "rate", retryAfterSeconds: wait ?? 60 };
    case 503:
      return { ok: false, problem: "busy", retryAfterSeconds: wait };
    default:
      return { ok: false, problem: response.status >= 500 ? "server" : "rejected", retryAfterSeconds: wait };
  }
};

/**
 * One attempt at `POST /api/v1/tips`. The caller keeps the draft and the Idempotency-Key, so a
 * retry after any failure can never store the report twice. Same origin, no credentials, no referrer.
 */
export const sendTip = async (
  partner: string,
  captcha: CaptchaSolution,
  tip: TipInput,
  idempotencyKey: string,
): Promise<SendResult> => {
  let response: Response;
  try {
    response = await fetch("/api/v1/tips", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
      body: JSON.stringify({ partner, captcha, tip }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, problem: "offline" };
  }
  return readAnswer(response);
};
