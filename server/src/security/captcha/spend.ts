import { spentCaptchas } from "../../db/schema.js";
import type { AppDb } from "../../db/types.js";
import { hmacHex, type Keys } from "../keys.js";

// Longer than any token or challenge stays valid (hCaptcha: minutes; our ALTCHA challenges: 20 minutes).
const SPENT_TTL_MS = 30 * 60 * 1000;

/** Records the solution as used; false when it already was (a replay, or two requests racing with one token). */
export const spendCaptcha = async (db: AppDb, keys: Keys, identity: string, now: Date): Promise<boolean> => {
  const hash = await hmacHex(keys.captcha, identity);
  const claimed = await db
    .insert(spentCaptchas)
    .values({ hash, expiresAt: new Date(now.getTime() + SPENT_TTL_MS) })
    .onConflictDoNothing()
    .returning({ hash: spentCaptchas.hash });
  return claimed.length === 1;
};
