import type { Situation } from "@balagh/shared";
import { and, eq, isNull } from "drizzle-orm";
import { tipRoutes, tips } from "../db/schema.js";
import type { BatchStatement } from "../db/types.js";
import { outboxWrites } from "../delivery/outbox.js";
import { type DeliverySubject, tipUpdatedPayload } from "../delivery/payload.js";
import type { Services } from "../deps.js";
import { route } from "../routing/index.js";
import { routingInputOfRow } from "../routing/input.js";
import { seal, unseal } from "../security/seal.js";
import { clearReasons, tipSealContext } from "../tips/sealing.js";
import type { TriageReason } from "../triage/index.js";
import type { Raise } from "./message-triage.js";

type StoredTip = typeof tips.$inferSelect;

/**
 * A raise written as a staff override is: the priority and its reasons (clear and sealed), routing run
 * again at the new priority (an agency it adds gets `tip.routed`; none is taken away), and a
 * `tip.updated` to every agency the tip was already routed to. For the message's own batch.
 */
export const raiseWrites = async (
  services: Services,
  row: StoredTip,
  raise: Raise,
  now: Date,
): Promise<BatchStatement[]> => {
  const { db, keys } = services;
  const stored = row.reasonsSealed
    ? await unseal<unknown[]>(keys, tipSealContext(row.id, "reasons"), row.reasonsSealed)
    : (row.reasons ?? []);
  const added = raise.reasons as unknown as TriageReason[];
  const routed = await db
    .select({ agencyId: tipRoutes.agencyId, role: tipRoutes.role, ruleId: tipRoutes.ruleId, reason: tipRoutes.reason })
    .from(tipRoutes)
    .where(eq(tipRoutes.tipId, row.id));
  const { routes, withheld } = route(
    { ...routingInputOfRow(row), priority: raise.priority },
    await services.routingTable(),
  );
  const newRoutes = routes.filter((r) => !routed.some((old) => old.agencyId === r.agencyId));
  const subject: DeliverySubject = {
    id: row.id,
    priority: raise.priority,
    classification: row.classification as DeliverySubject["classification"],
    country: row.country,
    situations: row.situations as Situation[],
    childInvolved: row.childInvolved as DeliverySubject["childInvolved"],
  };
  const unchanged = row.priority === null ? isNull(tips.priority) : eq(tips.priority, row.priority);
  return [
    // Only over the priority that was read: a staff override in between wins.
    db
      .update(tips)
      .set({
        priority: raise.priority,
        reasons: [...(row.reasons ?? []), ...clearReasons(added)],
        reasonsSealed: await seal(keys, tipSealContext(row.id, "reasons"), [...stored, ...added]),
        routingNotes: withheld,
      })
      .where(and(eq(tips.id, row.id), unchanged)),
    ...newRoutes.map((r) => db.insert(tipRoutes).values({ tipId: row.id, ...r, createdAt: now })),
    ...outboxWrites(services, subject, newRoutes, now),
    ...outboxWrites(services, subject, routed, now, tipUpdatedPayload(row.priority as DeliverySubject["priority"])),
  ];
};
