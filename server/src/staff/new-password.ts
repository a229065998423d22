import { and, eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { staff } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password.js";

/** As `create-staff` takes it: long enough to resist guessing, short enough not to tie up the hash. */
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = "missing" | "short" | "long" | "mismatch" | "unchanged";

/** What is wrong with a chosen password and its confirmation, before anything is hashed. */
export const newPasswordProblem = (password: string, confirmation: string): PasswordProblem | null => {
  if (!password) return "missing";
  if ([...password].length < MIN_PASSWORD_LENGTH) return "short";
  if (password.length > MAX_PASSWORD_LENGTH) return "long";
  if (password !== confirmation) return "mismatch";
  return null;
};

/**
 * Replaces a temporary password by the member's own. Refused (nothing written) when the new one
 * is the temporary one again, or when the member has no temporary password to replace.
 */
export const replaceTemporaryPassword = async (
  db: AppDb,
  staffId: string,
  password: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; problem: "unchanged" | "not_temporary" }> => {
  const [row] = await db
    .select({ hash: staff.passwordHash, temporary: staff.mustChangePassword })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!row?.temporary) return { ok: false, problem: "not_temporary" };
  if (await verifyPassword(password, row.hash)) return { ok: false, problem: "unchanged" };
  const hash = await hashPassword(password);
  await auditedBatch(
    db,
    () => [
      db
        .update(staff)
        .set({ passwordHash: hash, mustChangePassword: false })
        .where(and(eq(staff.id, staffId), eq(staff.mustChangePassword, true))),
    ],
    { actor: staffId, action: "staff.password.change", subject: staffId, details: { temporary: true } },
    now,
  );
  return { ok: true };
};
