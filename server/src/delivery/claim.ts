import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { deliveryOutbox } from "../db/schema.js";
import type { AppDb } from "../db/types.js";

export type ClaimedDelivery = {
  id: string;
  agencyId: string;
  payload: Record<string, unknown>;
  attempts: number;
};

const due = (now: Date) => and(eq(deliveryOutbox.status, "pending"), lte(deliveryOutbox.nextAttemptAt, now));

// Undelivered P0 first, then P1 … P3, then tips not triaged yet; oldest first within a level.
const urgency = sql`coalesce(json_extract(${deliveryOutbox.payload}, '$.tip.priority'), 'P9')`;

/**
 * Takes up to `limit` due rows in one statement and leases them by moving their next attempt to
 * `leaseUntil`, so that a concurrent pass (another process, the cron, a kick) cannot pick them too.
 * The attempt is counted now: a process that dies mid-send still uses one up, and never loops forever.
 */
export const claimDue = (db: AppDb, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> =>
  db
    .update(deliveryOutbox)
    .set({ attempts: sql`${deliveryOutbox.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(
      and(
        due(now),
        inArray(
          deliveryOutbox.id,
          db
            .select({ id: deliveryOutbox.id })
            .from(deliveryOutbox)
            .where(due(now))
            .orderBy(urgency, asc(deliveryOutbox.nextAttemptAt))
            .limit(limit),
        ),
      ),
    )
    .returning({
      id: deliveryOutbox.id,
      agencyId: deliveryOutbox.agencyId,
      payload: deliveryOutbox.payload,
      attempts: deliveryOutbox.attempts,
    });

/** Only the pass that holds the lease (same attempt count, still pending) may settle a row. */
const held = (row: ClaimedDelivery) =>
  and(eq(deliveryOutbox.id, row.id), eq(deliveryOutbox.attempts, row.attempts), eq(deliveryOutbox.status, "pending"));

export const markDelivered = (db: AppDb, row: ClaimedDelivery, at: Date) =>
  db.update(deliveryOutbox).set({ status: "delivered", deliveredAt: at, lastError: null }).where(held(row));

export const markFailed = (db: AppDb, row: ClaimedDelivery, error: string, nextAttemptAt: Date | null) =>
  db
    .update(deliveryOutbox)
    .set(nextAttemptAt ? { lastError: error, nextAttemptAt } : { lastError: error, status: "dead" })
    .where(held(row));
