import { lt } from "drizzle-orm";
import {
  followupSessions,
  idempotencyKeys,
  rateLimitBuckets,
  sessions,
  signInThrottle,
  spentCaptchas,
} from "../db/schema.js";
import type { AppDb } from "../db/types.js";

/**
 * Drops short-lived rows once they expire: rate-limit buckets, spent captchas, idempotency records,
 * staff sessions past their absolute end, sign-in throttles, and reporters' follow-up sessions (a record of when a
 * reporter came back is kept no longer than the session).
 */
export const purgeExpired = async (db: AppDb, now = new Date()) => {
  await db.batch([
    db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.expiresAt, now)),
    db.delete(spentCaptchas).where(lt(spentCaptchas.expiresAt, now)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(signInThrottle).where(lt(signInThrottle.expiresAt, now)),
    db.delete(followupSessions).where(lt(followupSessions.expiresAt, now)),
  ]);
};
