import { eq } from "drizzle-orm";
import { agencies } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { RoutingTable } from "./index.js";

export const loadRoutingTable = async (db: AppDb): Promise<RoutingTable> => {
  const [fallback] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.isFallback, true)).limit(1);
  return { fallbackAgencyId: fallback?.id ?? null };
};
