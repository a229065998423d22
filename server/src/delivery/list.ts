import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { agencies, deliveryOutbox } from "../db/schema.js";
import type { AppDb } from "../db/types.js";

export type DeliveryState = "pending" | "dead";

/** Deliveries that need an eye (dead letters first, then those still waiting), without their payloads. */
export const listUndelivered = async (db: AppDb, states: DeliveryState[] = ["dead", "pending"], limit = 1000) => {
  const rows = await db
    .select({
      id: deliveryOutbox.id,
      status: deliveryOutbox.status,
      tipId: deliveryOutbox.tipId,
      agency: agencies.slug,
      event: deliveryOutbox.event,
      priority: sql<string | null>`json_extract(${deliveryOutbox.payload}, '$.tip.priority')`,
      attempts: deliveryOutbox.attempts,
      lastError: deliveryOutbox.lastError,
      nextAttemptAt: deliveryOutbox.nextAttemptAt,
      createdAt: deliveryOutbox.createdAt,
    })
    .from(deliveryOutbox)
    .innerJoin(agencies, eq(deliveryOutbox.agencyId, agencies.id))
    .where(inArray(deliveryOutbox.status, states))
    .orderBy(asc(deliveryOutbox.status), desc(deliveryOutbox.createdAt))
    .limit(limit);
  return rows.map((row) => (row.status === "dead" ? { ...row, nextAttemptAt: null } : row));
};
