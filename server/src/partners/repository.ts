import { and, asc, eq } from "drizzle-orm";
import { partners } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { ApiError } from "../http/errors.js";

export type Partner = typeof partners.$inferSelect;

/**
 * The partner the widget, its config and intake serve. A disabled one answers exactly as an
 * unknown key does: a site that still embeds it learns nothing about why.
 */
export const findPartner = async (db: AppDb, key: string): Promise<Partner> => {
  const [partner] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.key, key), eq(partners.disabled, false)))
    .limit(1);
  if (!partner) throw new ApiError(404, "not_found", `No partner is registered with the key '${key}'.`);
  return partner;
};

/** For administration: enabled or not. */
export const partnerByKey = async (db: AppDb, key: string): Promise<Partner | null> => {
  const [partner] = await db.select().from(partners).where(eq(partners.key, key)).limit(1);
  return partner ?? null;
};

export const allPartners = (db: AppDb): Promise<Partner[]> =>
  db.select().from(partners).orderBy(asc(partners.disabled), asc(partners.name), asc(partners.key));
