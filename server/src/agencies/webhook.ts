import { eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { agencies } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { generateWebhookSecret, sealWebhookSecret, unsealWebhookSecret } from "../delivery/secrets.js";
import { postWebhook } from "../delivery/send.js";
import { parseWebhookUrl, WebhookUrlError, type WebhookUrlPolicy, webhookTarget } from "../delivery/webhook-url.js";
import type { Keys } from "../security/keys.js";

type SealKeys = Pick<Keys, "seal" | "keyId">;
type Who = { actor: string; now: Date };

/**
 * Sets the agency's webhook address with a new signing secret (rotating is setting the same address
 * again). The secret is answered here and never again: it is stored sealed. The CLI and the console
 * both come here, so an address refused by one is refused by the other.
 */
export const setWebhook = async (
  db: AppDb,
  keys: SealKeys,
  agency: { id: string; slug: string },
  rawUrl: string,
  policy: WebhookUrlPolicy,
  { actor, now, rotate = false }: Who & { rotate?: boolean },
): Promise<{ ok: true; url: string; secret: string } | { ok: false; error: string }> => {
  let url: URL;
  try {
    url = parseWebhookUrl(rawUrl.trim(), policy);
  } catch (error) {
    if (error instanceof WebhookUrlError) return { ok: false, error: error.message };
    throw error;
  }
  const secret = generateWebhookSecret();
  const sealed = await sealWebhookSecret(keys, agency.id, secret);
  await auditedBatch(
    db,
    () => [
      db.update(agencies).set({ webhookUrl: url.href, webhookSecretSealed: sealed }).where(eq(agencies.id, agency.id)),
    ],
    {
      actor,
      action: rotate ? "agency.webhook.rotate" : "agency.webhook.set",
      subject: agency.id,
      details: { agency: agency.slug, url: url.href },
    },
    now,
  );
  return { ok: true, url: url.href, secret };
};

export const clearWebhook = (db: AppDb, agency: { id: string; slug: string }, { actor, now }: Who) =>
  auditedBatch(
    db,
    () => [db.update(agencies).set({ webhookUrl: null, webhookSecretSealed: null }).where(eq(agencies.id, agency.id))],
    { actor, action: "agency.webhook.clear", subject: agency.id, details: { agency: agency.slug } },
    now,
  );

export type TestEventOutcome = { ok: true; status: number } | { ok: false; error: string };

/** A ping that names no tip, so that an agency can check its endpoint and its signature check before a real one. */
export const testEventPayload = (slug: string, at: Date) => ({
  type: "tip.test",
  timestamp: at.toISOString(),
  agency: slug,
});

/**
 * Sends a signed `tip.test` event to the agency's address through the delivery code (the same
 * policy, signature and timeout as a tip's), and says what the agency answered. Audited, without
 * the answer's body.
 */
export const sendTestEvent = async (
  db: AppDb,
  keys: SealKeys,
  agencyId: string,
  delivery: WebhookUrlPolicy & { fetch?: typeof fetch; timeoutMs?: number },
  { actor, now }: Who,
): Promise<TestEventOutcome | null> => {
  const [agency] = await db
    .select({ slug: agencies.slug, url: agencies.webhookUrl, sealed: agencies.webhookSecretSealed })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) return null;
  const outcome = await (async (): Promise<TestEventOutcome> => {
    if (!agency.url || !agency.sealed) return { ok: false, error: "no webhook address" };
    const target = webhookTarget(agency.url, delivery);
    if (!target.ok) return target;
    const secret = await unsealWebhookSecret(keys, agencyId, agency.sealed).catch(() => null);
    if (!secret) return { ok: false, error: "webhook secret cannot be unsealed" };
    const sent = await postWebhook({
      url: target.url.href,
      secret,
      messageId: `test_${crypto.randomUUID()}`,
      body: JSON.stringify(testEventPayload(agency.slug, now)),
      sentAt: now,
      fetch: delivery.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: delivery.timeoutMs ?? 10_000,
    });
    return sent.ok ? { ok: true, status: sent.status ?? 200 } : sent;
  })();
  await auditedBatch(
    db,
    () => [],
    {
      actor,
      action: "agency.webhook.test",
      subject: agencyId,
      details: { agency: agency.slug, ...(outcome.ok ? { status: outcome.status } : { error: outcome.error }) },
    },
    now,
  );
  return outcome;
};
