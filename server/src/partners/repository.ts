import { eq } from "drizzle-orm";
import { partners } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { ApiError } from "../http/errors.js";

export type Partner = typeof partners.$inferSelect;

export const findPartner = async (db: AppDb, key: string): Promise<Partner> => {
  const [partner] = await db.select().from(partners).where(eq(partners.key, key)).limit(1);
  if (!partner) throw new ApiError(404, "not_found", `No partner is registered with the key '${key}'.`);
  return partner;
};
