import { Webhook } from "standardwebhooks";
import { WebhookAddressRefused } from "./webhook-address.js";

export type WebhookRequest = {
  url: string;
  secret: string;
  /** The outbox row id: the same on every retry, so that receivers can drop duplicates. */
  messageId: string;
  body: string;
  sentAt: Date;
  fetch: typeof fetch;
  timeoutMs: number;
};

export type SendOutcome = { ok: true; status?: number } | { ok: false; error: string };

/** Says what went wrong in a few words: never the payload, never the receiver's answer. */
const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return "error";
  if (error.name === "TimeoutError") return "timeout";
  const refused = [error, error.cause].find((e) => e instanceof WebhookAddressRefused);
  if (refused) return `refused: ${refused.message}`;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `network error (${code})` : `network error (${error.name})`;
};

export const signatureHeaders = (secret: string, messageId: string, sentAt: Date, body: string) => ({
  "webhook-id": messageId,
  "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
  "webhook-signature": new Webhook(secret).sign(messageId, sentAt, body),
});

export const postWebhook = async (r: WebhookRequest): Promise<SendOutcome> => {
  try {
    const send = r.fetch;
    const response = await send(r.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Balagh-Webhooks/1",
        ...signatureHeaders(r.secret, r.messageId, r.sentAt, r.body),
      },
      body: r.body,
      // A redirect would carry a signed payload to an address the operator never configured.
      redirect: "manual",
      signal: AbortSignal.timeout(r.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return response.status >= 200 && response.status < 300
      ? { ok: true, status: response.status }
      : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
};
