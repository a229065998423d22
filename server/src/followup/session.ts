import { FOLLOWUP_SESSION_MINUTES, type FollowupSession, normaliseReceipt } from "@balagh/shared";
import { and, eq, lt } from "drizzle-orm";
import { timingSafeEqual } from "hono/utils/buffer";
import { followupSessions, tips } from "../db/schema.js";
import type { Services } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { hmacHex } from "../security/keys.js";
import { hashToken, randomToken } from "../staff/sessions.js";
import { takeReceiptAttempt } from "./throttle.js";

export const SESSION_MS = FOLLOWUP_SESSION_MINUTES * 60_000;

// Compared with when no tip matched, so that a miss does the same work as a hit.
const NO_TIP_HASH = "0".repeat(64);

/** One answer for every receipt that opens nothing, malformed or unknown: it must not tell them apart. */
const noSuchReceipt = () =>
  new ApiError(404, "not_found", "No report matches this receipt. Check the 20 digits and try again.");

/** The tip a receipt names: its keyed hash (as intake stored it) looked up, then compared in constant time. */
const tipOfReceipt = async (services: Services, receipt: string): Promise<string | null> => {
  const hash = await hmacHex(services.keys.receipt, normaliseReceipt(receipt) ?? receipt);
  const [row] = await services.db
    .select({ id: tips.id, receiptHash: tips.receiptHash })
    .from(tips)
    .where(eq(tips.receiptHash, hash))
    .limit(1);
  const same = await timingSafeEqual(row?.receiptHash ?? NO_TIP_HASH, hash);
  return row && same ? row.id : null;
};

/**
 * A 30-minute session for the reporter who holds the receipt. Every tip opens, whatever its status
 * (spam and duplicate read as closed). Only the token's hash is stored; the token is answered once.
 */
export const openSession = async (
  services: Services,
  receipt: string,
  address: string | undefined,
): Promise<FollowupSession> => {
  await takeReceiptAttempt(services, address);
  const tipId = await tipOfReceipt(services, receipt);
  if (!tipId) throw noSuchReceipt();
  const now = services.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  await services.db.batch([
    services.db
      .delete(followupSessions)
      .where(and(eq(followupSessions.tipId, tipId), lt(followupSessions.expiresAt, now))),
    services.db.insert(followupSessions).values({ tokenHash: hashToken(token), tipId, expiresAt, createdAt: now }),
  ]);
  return { token, expiresAt: expiresAt.toISOString() };
};

export const sessionEnded = () =>
  new ApiError(401, "unauthorized", "This follow-up session has ended or is not valid. Enter your receipt again.", {
    headers: { "WWW-Authenticate": 'Bearer realm="followup"' },
  });

// The scheme is case-insensitive (RFC 9110); the token is 256 bits in base64url.
const BEARER = /^Bearer +([A-Za-z0-9_-]{43})$/i;

/** The tip of a live session named by `Authorization: Bearer <token>`, or 401 (missing, forged or expired alike). */
export const tipOfSession = async (services: Services, authorization: string | undefined): Promise<string> => {
  const token = BEARER.exec(authorization ?? "")?.[1];
  if (!token) throw sessionEnded();
  const [row] = await services.db
    .select({ tipId: followupSessions.tipId, expiresAt: followupSessions.expiresAt })
    .from(followupSessions)
    .where(eq(followupSessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.expiresAt.getTime() <= services.now().getTime()) throw sessionEnded();
  return row.tipId;
};
