import { eq } from "drizzle-orm";
import { spentCaptchas } from "../../db/schema.js";
import type { AppDb } from "../../db/types.js";
import { hmacHex, type Keys } from "../keys.js";

// Longer than any token or challenge stays valid (hCaptcha: minutes; our ALTCHA challenges: 20 minutes).
const SPENT_TTL_MS = 30 * 60 * 1000;

export type CaptchaSpend = { hash: string; statement: ReturnType<typeof spendStatement> };

const spendStatement = (db: AppDb, hash: string, now: Date) =>
  db.insert(spentCaptchas).values({ hash, expiresAt: new Date(now.getTime() + SPENT_TTL_MS) });

/**
 * The insert that marks a solved captcha as used. It is written in the tip's own transaction: the
 * primary key refuses a second use, and the tip and its captcha are spent together or not at all.
 */
export const captchaSpend = async (db: AppDb, keys: Keys, identity: string, now: Date): Promise<CaptchaSpend> => {
  const hash = await hmacHex(keys.captcha, identity);
  return { hash, statement: spendStatement(db, hash, now) };
};

export const isSpent = async (db: AppDb, spend: CaptchaSpend) =>
  (await db.select({ hash: spentCaptchas.hash }).from(spentCaptchas).where(eq(spentCaptchas.hash, spend.hash))).length >
  0;
