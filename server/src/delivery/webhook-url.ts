const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export class WebhookUrlError extends Error {}

/** HTTPS only, so tips' metadata never crosses a network in clear; plain HTTP is allowed to this machine for testing. */
export const parseWebhookUrl = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError(`'${raw}' is not a URL`);
  }
  if (url.username || url.password) throw new WebhookUrlError("a webhook URL must not carry a user name or password");
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new WebhookUrlError("a webhook URL must use https:// (http:// only for localhost or 127.0.0.1)");
};
