import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { deliveryOutbox } from "../db/schema.js";
import type { AppDb } from "../db/types.js";

export const DELIVERIES_PER_PAGE = 25;

export type DeliveryCursor = { createdAt: number; id: string };

/** `<ms>_<id>`: the last line of a page, where the next page starts. */
export const cursorOf = (row: { createdAt: Date; id: string }) => `${row.createdAt.getTime()}_${row.id}`;
export const parseCursor = (raw: string | undefined): DeliveryCursor | null => {
  const match = raw?.match(/^(\d{1,15})_([\w-]{1,64})$/);
  return match?.[1] && match[2] ? { createdAt: Number(match[1]), id: match[2] } : null;
};

/**
 * One agency's deliveries, newest first, a page at a time (keyset: the same rows whatever arrives
 * meanwhile). Without payloads: the priority is all a log line needs of the tip.
 */
export const agencyDeliveries = async (db: AppDb, agencyId: string, after: DeliveryCursor | null) => {
  const rows = await db
    .select({
      id: deliveryOutbox.id,
      tipId: deliveryOutbox.tipId,
      event: deliveryOutbox.event,
      status: deliveryOutbox.status,
      priority: sql<string | null>`json_extract(${deliveryOutbox.payload}, '$.tip.priority')`,
      attempts: deliveryOutbox.attempts,
      lastError: deliveryOutbox.lastError,
      nextAttemptAt: deliveryOutbox.nextAttemptAt,
      deliveredAt: deliveryOutbox.deliveredAt,
      createdAt: deliveryOutbox.createdAt,
    })
    .from(deliveryOutbox)
    .where(
      and(
        eq(deliveryOutbox.agencyId, agencyId),
        after
          ? or(
              lt(deliveryOutbox.createdAt, new Date(after.createdAt)),
              and(eq(deliveryOutbox.createdAt, new Date(after.createdAt)), lt(deliveryOutbox.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(deliveryOutbox.createdAt), desc(deliveryOutbox.id))
    .limit(DELIVERIES_PER_PAGE + 1);
  const page = rows.slice(0, DELIVERIES_PER_PAGE);
  const last = page.at(-1);
  return { rows: page, next: rows.length > DELIVERIES_PER_PAGE && last ? cursorOf(last) : null };
};

/**
 * A dead delivery gets a fresh start: due now, its attempts counted again from zero, so that the
 * next delivery pass sends it (with its backoff if the agency is still down).
 */
export const retryDeadDelivery = async (
  db: AppDb,
  actor: string,
  agencyId: string,
  deliveryId: string,
  now: Date,
): Promise<boolean> => {
  const [row] = await db
    .select({ tipId: deliveryOutbox.tipId, attempts: deliveryOutbox.attempts })
    .from(deliveryOutbox)
    .where(
      and(eq(deliveryOutbox.id, deliveryId), eq(deliveryOutbox.agencyId, agencyId), eq(deliveryOutbox.status, "dead")),
    );
  if (!row) return false;
  await auditedBatch(
    db,
    () => [
      db
        .update(deliveryOutbox)
        .set({ status: "pending", attempts: 0, nextAttemptAt: now })
        .where(and(eq(deliveryOutbox.id, deliveryId), eq(deliveryOutbox.status, "dead"))),
    ],
    {
      actor,
      action: "delivery.retry",
      subject: deliveryId,
      details: {
        tip: row.tipId,
        before: { status: "dead", attempts: row.attempts },
        after: { status: "pending", attempts: 0 },
      },
    },
    now,
  );
  return true;
};
