import { and, eq, isNotNull, sql } from "drizzle-orm";
import { agencies, deliveryOutbox } from "../db/schema.js";
import type { BatchStatement } from "../db/types.js";
import type { Services } from "../deps.js";
import type { RouteDecision } from "../routing/index.js";
import { type DeliverySubject, type PayloadOf, tipRoutedPayload } from "./payload.js";

const constant = <T>(value: T, column: string) => sql<T>`${value}`.as(column);

/**
 * One outbox row per routed agency that has a webhook, for the tip's own batch. Each statement is an
 * INSERT … SELECT from the agency row, so an agency without a webhook adds nothing and no read is needed
 * before the batch. Every row is due at once; the dispatcher sends P0 first.
 */
export const outboxWrites = (
  services: Pick<Services, "db" | "publicUrl">,
  subject: DeliverySubject,
  routes: readonly RouteDecision[],
  now: Date,
  payloadOf: PayloadOf = tipRoutedPayload,
): BatchStatement[] =>
  routes.map((route) => {
    const payload = payloadOf(services.publicUrl, subject, route.role, now);
    return services.db.insert(deliveryOutbox).select(
      services.db
        .select({
          id: constant(crypto.randomUUID(), "id"),
          tipId: constant(subject.id, "tip_id"),
          agencyId: agencies.id,
          event: constant(payload.type, "event"),
          payload: constant(JSON.stringify(payload), "payload"),
          status: constant("pending", "status"),
          attempts: constant(0, "attempts"),
          nextAttemptAt: constant(now.getTime(), "next_attempt_at"),
          lastError: constant(null, "last_error"),
          deliveredAt: constant(null, "delivered_at"),
          createdAt: constant(now.getTime(), "created_at"),
        })
        .from(agencies)
        .where(and(eq(agencies.id, route.agencyId), isNotNull(agencies.webhookUrl))),
    );
  });
