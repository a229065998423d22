import { sql } from "drizzle-orm";
import ipaddr from "ipaddr.js";
import { rateLimitBuckets } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { hmacHex, type Keys } from "./keys.js";

export type RateLimit = { max: number; windowSeconds: number };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Takes one from the named bucket's fixed window. A bucket name is already a keyed hash, never an address. */
export type RateLimiter = (bucket: string, limit: RateLimit, now: Date) => Promise<RateDecision>;

const DAY_MS = 86_400_000;

/**
 * One holder of an IPv6 network gets a /64 (2^64 addresses), so the /64 is the client; an
 * IPv4-mapped IPv6 address is the IPv4 address it carries.
 */
export const clientOf = (address: string | undefined): string => {
  if (!address || !ipaddr.isValid(address)) return address ?? "unknown";
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(":")}::/64`;
};

/**
 * The bucket is named by HMAC(dayKey, address) with a key that changes every UTC day, so a bucket
 * cannot be tied back to an address, nor to the same reporter's bucket of another day.
 */
export const clientBucket = async (keys: Keys, scope: string, address: string | undefined, now: Date) => {
  const dayKey = await dayKeyOf(keys, Math.floor(now.getTime() / DAY_MS));
  return `${scope}:${(await hmacHex(dayKey, clientOf(address))).slice(0, 32)}`;
};

const dayKeys = new WeakMap<Keys, { day: number; key: Promise<CryptoKey> }>();

const dayKeyOf = (keys: Keys, day: number) => {
  const cached = dayKeys.get(keys);
  if (cached?.day === day) return cached.key;
  const key = hmacHex(keys.clientAddress, `day:${new Date(day * DAY_MS).toISOString().slice(0, 10)}`).then((hex) =>
    crypto.subtle.importKey("raw", new TextEncoder().encode(hex), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
  );
  dayKeys.set(keys, { day, key });
  return key;
};

/** Buckets in the database: the one choice where several processes (Workers isolates) share the limits. */
export const databaseRateLimiter =
  (db: AppDb): RateLimiter =>
  (bucket, limit, now) =>
    takeFromBucket(db, bucket, limit, now);

/** Fixed-window counter in one atomic upsert, so concurrent requests cannot both take the last slot. */
export const takeFromBucket = async (db: AppDb, key: string, limit: RateLimit, now: Date): Promise<RateDecision> => {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const expiresAt = windowStart + windowMs;
  const [bucket] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: new Date(windowStart), count: 1, expiresAt: new Date(expiresAt) })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.windowStart} = ${windowStart} then ${rateLimitBuckets.count} + 1 else 1 end`,
        windowStart: new Date(windowStart),
        expiresAt: new Date(expiresAt),
      },
    })
    .returning({ count: rateLimitBuckets.count });
  if ((bucket?.count ?? 1) <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt - now.getTime()) / 1000)) };
};
