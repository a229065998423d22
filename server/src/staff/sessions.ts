import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { eq } from "drizzle-orm";
import { encodeBase64Url } from "hono/utils/encode";
import { sessions, staff } from "../db/schema.js";
import type { AppDb, BatchStatement } from "../db/types.js";

const MINUTE = 60_000;
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_LIFETIME_MS = 12 * 60 * MINUTE;
/** Between the password and the code: time to find the phone, too short to be of use later. */
export const PENDING_LIFETIME_MS = 10 * MINUTE;
/** lastSeenAt is written at most this often: the idle timeout is exact to within it, and a page view costs no write. */
const TOUCH_EVERY_MS = MINUTE;

/** 256 random bits, base64url without padding (a cookie value needs no escaping then). */
export const randomToken = () => encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)).buffer).replace(/=+$/, "");

/** Only this is stored: whoever reads the table cannot present a session. */
export const hashToken = (token: string) => bytesToHex(sha256(utf8ToBytes(token)));

export type NewSession = { token: string; csrfToken: string; statement: BatchStatement };

export const newSession = (db: AppDb, staffId: string, now: Date, { pending }: { pending: boolean }): NewSession => {
  const token = randomToken();
  const csrfToken = randomToken();
  const statement = db.insert(sessions).values({
    tokenHash: hashToken(token),
    staffId,
    csrfToken,
    expiresAt: new Date(now.getTime() + (pending ? PENDING_LIFETIME_MS : SESSION_LIFETIME_MS)),
    lastSeenAt: now,
    pendingSecondFactor: pending,
    createdAt: now,
  });
  return { token, csrfToken, statement };
};

export const endSession = (db: AppDb, tokenHash: string) =>
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));

export const endEverySession = (db: AppDb, staffId: string) => db.delete(sessions).where(eq(sessions.staffId, staffId));

/**
 * The session a token names, with its member: live, or ended (idle, too old, or the member
 * disabled: deleted now, the member's id kept so that what they were typing can go back to them),
 * or null when there is no such session.
 */
/**
 * `touch: false` for an event stream's reconnects: an open queue tab is not a member at work, and
 * must not keep a session on a shared device alive past its idle end.
 */
export const findSession = async (db: AppDb, token: string, now: Date, { touch = true } = {}) => {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      pending: sessions.pendingSecondFactor,
      staff: {
        id: staff.id,
        email: staff.email,
        role: staff.role,
        agencyId: staff.agencyId,
        language: staff.language,
        disabled: staff.disabled,
        totpEnrolledAt: staff.totpEnrolledAt,
        mustChangePassword: staff.mustChangePassword,
      },
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const lastSeen = (row.lastSeenAt ?? row.createdAt).getTime();
  if (row.expiresAt <= now || lastSeen + SESSION_IDLE_MS <= now.getTime() || row.staff.disabled) {
    await endSession(db, tokenHash);
    return { state: "ended" as const, staffId: row.staff.id, pending: row.pending };
  }
  if (touch && now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { state: "live" as const, ...row };
};

export type LiveSession = Extract<NonNullable<Awaited<ReturnType<typeof findSession>>>, { state: "live" }>;
