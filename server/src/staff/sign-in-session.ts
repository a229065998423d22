import { and, eq, isNull } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { staff } from "../db/schema.js";
import { endEverySession, endSession, type NewSession, newSession } from "./sessions.js";
import type { Member, SignInDeps } from "./sign-in.js";

/** The password was right; the session can do nothing until the second factor is proved. */
export const beginSecondFactor = async (
  deps: SignInDeps,
  member: Member,
  { replaces }: { replaces: string | null },
): Promise<NewSession> => {
  const session = newSession(deps.db, member.id, deps.now(), { pending: true });
  if (replaces) await deps.db.batch([endSession(deps.db, replaces), session.statement]);
  else await session.statement;
  return session;
};

/**
 * A new session, under a new token even after a pending one (the token an attacker may have
 * planted before sign-in is worth nothing after it); the failure count starts again.
 */
export const completeSignIn = async (
  deps: SignInDeps,
  member: Member,
  { replaces, enrolled, secondFactor }: { replaces: string | null; enrolled: boolean; secondFactor: boolean },
): Promise<NewSession> => {
  const { db } = deps;
  const now = deps.now();
  const who = { actor: member.id, subject: member.id };
  if (enrolled) {
    await auditedBatch(
      db,
      () => [
        db
          .update(staff)
          .set({ totpEnrolledAt: now })
          .where(and(eq(staff.id, member.id), isNull(staff.totpEnrolledAt))),
      ],
      { ...who, action: "staff.totp.enrol", details: {} },
      now,
    );
  }
  const session = newSession(db, member.id, now, { pending: false });
  await auditedBatch(
    db,
    () => [
      db.update(staff).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now }).where(eq(staff.id, member.id)),
      ...(replaces ? [endSession(db, replaces)] : []),
      session.statement,
    ],
    { ...who, action: "staff.sign_in", details: { secondFactor } },
    now,
  );
  return session;
};

export const signOut = (deps: SignInDeps, staffId: string, tokenHash: string) =>
  auditedBatch(
    deps.db,
    () => [endSession(deps.db, tokenHash)],
    { actor: staffId, action: "staff.sign_out", subject: staffId, details: {} },
    deps.now(),
  );

export const signOutEverywhere = (deps: SignInDeps, staffId: string) =>
  auditedBatch(
    deps.db,
    () => [endEverySession(deps.db, staffId)],
    { actor: staffId, action: "staff.sign_out.everywhere", subject: staffId, details: {} },
    deps.now(),
  );
