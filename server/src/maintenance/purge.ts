import { lt } from "drizzle-orm";
import { idempotencyKeys, rateLimitBuckets, spentCaptchas } from "../db/schema.js";
import type { AppDb } from "../db/types.js";

/** Drops short-lived rows once they expire: rate-limit buckets, spent captchas, idempotency records. */
export const purgeExpired = async (db: AppDb, now = new Date()) => {
  await db.batch([
    db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.expiresAt, now)),
    db.delete(spentCaptchas).where(lt(spentCaptchas.expiresAt, now)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
  ]);
};
