import type { Context } from "hono";
import type { QueueTargetOverrides } from "./console/queue/targets.js";
import type { Commit } from "./db/commit.js";
import type { AppDb } from "./db/types.js";
import type { Env } from "./env.js";
import { ttlCache } from "./http/ttl-cache.js";
import { findPartner, type Partner } from "./partners/repository.js";
import type { RoutingTable } from "./routing/index.js";
import { loadRoutingTable } from "./routing/load.js";
import { type AltchaOptions, altchaVerifier } from "./security/captcha/altcha.js";
import { type FormPost, hcaptchaVerifier } from "./security/captcha/hcaptcha.js";
import type { CaptchaVerifier } from "./security/captcha/types.js";
import type { Keys } from "./security/keys.js";
import { databaseRateLimiter, type RateLimit, type RateLimiter } from "./security/rate-limit.js";
import { type TipFeed, tipFeed } from "./tips/feed.js";
import type { WidgetBuild } from "./widget/build.js";

export type AppConfig = Pick<Env, "publicUrl" | "hcaptcha" | "tipRateLimit"> & {
  altchaSecret?: string | undefined;
  hcaptchaScriptUrl?: string;
  staffTotpRequired?: boolean;
  queueTargets?: QueueTargetOverrides | undefined;
};

/** What the runtime (Node, workerd, a test) hands to `createApp`. */
export type AppDeps = {
  db: AppDb;
  /** How a tip's statements are made durable: a local file groups them (node/group-commit.ts), D1 and Turso batch them. */
  commit: Commit;
  /** Where rate-limit buckets live: the database by default (shared by Workers isolates), memory on Node. */
  rateLimiter?: RateLimiter;
  keys: Keys;
  config: AppConfig;
  /** The caller's address, used only as HMAC input for rate limiting; never stored or logged. */
  clientAddress: (c: Context) => string | undefined;
  /** How siteverify is called; fetch unless the runtime brings a cheaper client. */
  formPost?: FormPost;
  now?: () => Date;
  log?: (line: string) => void;
  altcha?: Pick<AltchaOptions, "cost" | "difficulty">;
  /** How long siteverify may take before the reporter is told to retry (503). */
  hcaptchaTimeoutMs?: number;
  /** How long partners and routing rules are kept in memory; 0 reads them for every request. */
  cacheTtlMs?: number;
  /** The built widget (loader and app); without it the widget routes answer 503. */
  widget?: WidgetBuild | null;
  /** How often open consoles are told of new tips; a second by default (a P0 must show within 5). */
  tipFeedEveryMs?: number;
  /**
   * How the console's "send a test event" reaches an agency: the delivery policy and, on Node, the fetch
   * of node/webhook-fetch.ts. Unset counts as production (https, public addresses only).
   */
  webhooks?: WebhookDelivery;
};

export type WebhookDelivery = { production: boolean; fetch?: typeof fetch };

export type Services = {
  db: AppDb;
  commit: Commit;
  keys: Keys;
  publicOrigin: string;
  publicUrl: string;
  clientAddress: AppDeps["clientAddress"];
  now: () => Date;
  log: (line: string) => void;
  tipRateLimit: RateLimit;
  rateLimiter: RateLimiter;
  hcaptcha: (CaptchaVerifier<"hcaptcha"> & { sitekey: string }) | null;
  altcha: CaptchaVerifier<"altcha">;
  altchaOptions: AltchaOptions;
  partner: (key: string) => Promise<Partner>;
  /** How long a partner's or a rule's change may take to reach the widget and intake (the console says so). */
  cacheTtlMs: number;
  routingTable: () => Promise<RoutingTable>;
  staffTotpRequired: boolean;
  /** One poll of new tips for every open console of this app. */
  tipFeed: TipFeed;
  /** QUEUE_TARGETS: overdue targets that override the deployment file's, for the priorities it names. */
  queueTargets: QueueTargetOverrides;
  webhooks: WebhookDelivery;
};

export const resolveServices = (deps: AppDeps): Services => {
  const now = deps.now ?? (() => new Date());
  const altchaOptions: AltchaOptions = {
    secret: deps.config.altchaSecret ?? deps.keys.altchaSecret,
    now,
    ...deps.altcha,
  };
  const hcaptcha = deps.config.hcaptcha;
  const publicOrigin = new URL(deps.config.publicUrl);
  const ttl = deps.cacheTtlMs ?? 5_000;
  const routingTable = ttlCache(ttl, now, () => loadRoutingTable(deps.db));
  return {
    partner: ttlCache(ttl, now, (key: string) => findPartner(deps.db, key)),
    routingTable: () => routingTable(null),
    cacheTtlMs: ttl,
    db: deps.db,
    commit: deps.commit,
    keys: deps.keys,
    publicOrigin: publicOrigin.origin,
    publicUrl: deps.config.publicUrl.replace(/\/$/, ""),
    clientAddress: deps.clientAddress,
    now,
    log: deps.log ?? (() => {}),
    tipRateLimit: deps.config.tipRateLimit,
    rateLimiter: deps.rateLimiter ?? databaseRateLimiter(deps.db),
    hcaptcha: hcaptcha
      ? {
          ...hcaptchaVerifier({
            ...hcaptcha,
            hostname: publicOrigin.hostname,
            ...(deps.formPost && { post: deps.formPost }),
            ...(deps.hcaptchaTimeoutMs !== undefined && { timeoutMs: deps.hcaptchaTimeoutMs }),
          }),
          sitekey: hcaptcha.sitekey,
        }
      : null,
    altcha: altchaVerifier(altchaOptions),
    altchaOptions,
    staffTotpRequired: deps.config.staffTotpRequired ?? false,
    tipFeed: tipFeed(deps.db, { everyMs: deps.tipFeedEveryMs ?? 1_000, now }),
    queueTargets: deps.config.queueTargets ?? {},
    webhooks: deps.webhooks ?? { production: true },
  };
};
