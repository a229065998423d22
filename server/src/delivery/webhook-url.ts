import { isLocalhostName, literalAddress, nonPublicReason } from "./webhook-address.js";

export class WebhookUrlError extends Error {}

export type WebhookUrlPolicy = { production: boolean };

/** Why a URL's host is this machine or a private network, judged from the URL alone (no DNS), or null. */
const insideReason = (hostname: string): string | null => {
  if (isLocalhostName(hostname)) return `${hostname} is this machine`;
  const address = literalAddress(hostname);
  return address ? nonPublicReason(address) : null;
};

// A name without a dot (a docker-compose service, a hosts-file entry) is never a public internet name.
const isSingleLabel = (hostname: string) => !hostname.includes(".") && !hostname.startsWith("[");

/**
 * Production: HTTPS only, so tips' metadata never crosses a network in clear, and never to this machine or a
 * private network (an agency's webhook must not become a way into the hotline's own services). Names are
 * resolved and checked when each delivery connects (server/src/node/webhook-fetch.ts), so a name cannot
 * rebind past this. Development also allows plain HTTP to this machine, a private address or a single-label
 * local name, for testing.
 */
export const parseWebhookUrl = (raw: string, { production }: WebhookUrlPolicy): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError(`'${raw}' is not a URL`);
  }
  if (url.username || url.password) throw new WebhookUrlError("a webhook URL must not carry a user name or password");
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new WebhookUrlError("a webhook URL must use https://");
  const inside = insideReason(url.hostname);
  if (production) {
    if (url.protocol !== "https:") throw new WebhookUrlError("in production a webhook URL must use https://");
    if (inside)
      throw new WebhookUrlError(`in production a webhook cannot point inside the hotline's networks: ${inside}`);
    return url;
  }
  if (url.protocol === "https:" || inside || isSingleLabel(url.hostname)) return url;
  throw new WebhookUrlError(
    "a webhook URL must use https:// (plain http:// only to this machine, a private address or a single-label " +
      "local name, in development)",
  );
};

/** The URL to deliver to, or why a delivery to it is refused (recorded on the delivery as its last error). */
export const webhookTarget = (
  raw: string,
  policy: WebhookUrlPolicy,
): { ok: true; url: URL } | { ok: false; error: string } => {
  try {
    return { ok: true, url: parseWebhookUrl(raw, policy) };
  } catch (error) {
    if (error instanceof WebhookUrlError) return { ok: false, error: `refused: ${error.message}` };
    throw error;
  }
};
