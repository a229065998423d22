import { eq } from "drizzle-orm";
import { spentCaptchas } from "../../db/schema.js";
import type { SqlStatement } from "../../db/statements.js";
import type { AppDb } from "../../db/types.js";
import { intakeStatements } from "../../intake/templates.js";
import { hmacHex, type Keys } from "../keys.js";

// Longer than any token or challenge stays valid (hCaptcha: minutes; our ALTCHA challenges: 20 minutes).
const SPENT_TTL_MS = 30 * 60 * 1000;

export type CaptchaSpend = { hash: string; statement: SqlStatement };

/**
 * The insert that marks a solved captcha as used. It is written in the tip's own transaction: the
 * primary key refuses a second use, and the tip and its captcha are spent together or not at all.
 */
export const captchaSpend = async (db: AppDb, keys: Keys, identity: string, now: Date): Promise<CaptchaSpend> => {
  const hash = await hmacHex(keys.captcha, identity);
  const expiresAt = new Date(now.getTime() + SPENT_TTL_MS);
  return { hash, statement: intakeStatements(db).spentCaptcha({ hash, expiresAt }) };
};

export const isSpent = async (db: AppDb, spend: CaptchaSpend) =>
  (await db.select({ hash: spentCaptchas.hash }).from(spentCaptchas).where(eq(spentCaptchas.hash, spend.hash))).length >
  0;
