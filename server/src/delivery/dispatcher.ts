import { inArray } from "drizzle-orm";
import { agencies } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Keys } from "../security/keys.js";
import { nextAttemptAfter } from "./backoff.js";
import { type ClaimedDelivery, claimDue, markDelivered, markFailed } from "./claim.js";
import { unsealWebhookSecret } from "./secrets.js";
import { postWebhook, type SendOutcome } from "./send.js";
import { webhookTarget } from "./webhook-url.js";

export type DeliveryDeps = { db: AppDb; keys: Pick<Keys, "seal" | "keyId">; log?: (line: string) => void };

export type DeliveryOptions = {
  now?: () => Date;
  fetch?: typeof fetch;
  /** Rows taken per pass. */
  limit?: number;
  timeoutMs?: number;
  random?: () => number;
  /**
   * Production refuses webhooks to this machine and private networks; unset counts as production, so that a
   * caller who forgets cannot open the way in. On Node, also pass `fetch` from node/webhook-fetch.ts, which
   * checks the address each name resolves to when it connects.
   */
  production?: boolean;
};

export type DeliveryPass = { claimed: number; delivered: number; retried: number; dead: number };

// Workers throws "Illegal invocation" when fetch is called as a method of another object.
const globalFetch: typeof fetch = (input, init) => fetch(input, init);

const DEFAULT_LIMIT = 25;
const DEFAULT_TIMEOUT_MS = 10_000;
const LEASE_MARGIN_MS = 60_000;

type Endpoint = { slug: string; url: string | null; secretSealed: string | null };

const endpointsOf = async (db: AppDb, rows: ClaimedDelivery[]) => {
  const ids = [...new Set(rows.map((row) => row.agencyId))];
  const found = await db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      url: agencies.webhookUrl,
      secretSealed: agencies.webhookSecretSealed,
    })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  return new Map<string, Endpoint>(found.map(({ id, ...endpoint }) => [id, endpoint]));
};

/** One pass: claim due deliveries (P0 first), send them in parallel, record each outcome. */
export const runDeliveries = async (deps: DeliveryDeps, options: DeliveryOptions = {}): Promise<DeliveryPass> => {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = now();
  const rows = await claimDue(
    deps.db,
    started,
    new Date(started.getTime() + timeoutMs + LEASE_MARGIN_MS),
    options.limit ?? DEFAULT_LIMIT,
  );
  const pass: DeliveryPass = { claimed: rows.length, delivered: 0, retried: 0, dead: 0 };
  if (rows.length === 0) return pass;
  const endpoints = await endpointsOf(deps.db, rows);

  const send = async (row: ClaimedDelivery, endpoint: Endpoint | undefined): Promise<SendOutcome> => {
    if (!endpoint?.url) return { ok: false, error: "agency has no webhook URL" };
    // Checked at every send too: a URL may predate these rules or have been written to the database directly.
    const target = webhookTarget(endpoint.url, { production: options.production ?? true });
    if (!target.ok) return target;
    if (!endpoint.secretSealed) return { ok: false, error: "agency has no webhook secret" };
    const secret = await unsealWebhookSecret(deps.keys, row.agencyId, endpoint.secretSealed).catch(() => null);
    if (!secret) return { ok: false, error: "webhook secret cannot be unsealed" };
    return postWebhook({
      url: target.url.href,
      secret,
      messageId: row.id,
      body: JSON.stringify(row.payload),
      sentAt: now(),
      fetch: options.fetch ?? globalFetch,
      timeoutMs,
    });
  };

  await Promise.all(
    rows.map(async (row) => {
      const endpoint = endpoints.get(row.agencyId);
      const outcome = await send(row, endpoint);
      const at = now();
      if (outcome.ok) {
        await markDelivered(deps.db, row, at);
        pass.delivered++;
        return;
      }
      const next = nextAttemptAfter(row.attempts, at, options.random);
      await markFailed(deps.db, row, outcome.error, next);
      if (next) pass.retried++;
      else {
        pass.dead++;
        deps.log?.(
          `delivery ${row.id} to ${endpoint?.slug ?? row.agencyId} is dead after ${row.attempts} attempts: ${outcome.error}`,
        );
      }
    }),
  );
  return pass;
};
