import type { Situation } from "@balagh/shared";
import { eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { tipRoutes, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { outboxWrites } from "../delivery/outbox.js";
import { route } from "../routing/index.js";
import { routingInputOfRow } from "../routing/input.js";
import { loadRoutingTable } from "../routing/load.js";
import { CLASSIFICATION_OVERRIDE, PRIORITY_OVERRIDE } from "../triage/overrides.js";
import { CLASSIFICATIONS, PRIORITIES } from "../triage/rules.js";
import { type ActionResult, reasonText } from "./actions.js";
import { findTipRow } from "./read.js";
import { actorOf, mayTake, type Viewer } from "./scope.js";

type Field = "priority" | "classification";
const VALUES: Record<Field, readonly string[]> = { priority: PRIORITIES, classification: CLASSIFICATIONS };
const ACTION: Record<Field, string> = { priority: PRIORITY_OVERRIDE, classification: CLASSIFICATION_OVERRIDE };

/**
 * A member's correction of triage (priority or classification), with its reason. Routing runs again
 * on the corrected values, the invariants included; agencies it adds are sent the tip as at intake.
 * The change, the new routes and the audit entry are written in one batch.
 */
export const overrideTriage = async (
  ctx: { db: AppDb; viewer: Viewer; publicUrl: string; now?: Date },
  tipId: string,
  change: { field: Field; value: string; reason: string },
): Promise<ActionResult> => {
  const { db } = ctx;
  const row = await findTipRow(db, ctx.viewer, tipId);
  if (!row) return { ok: false, reason: "not_found" };
  if (!mayTake(ctx.viewer, change.field)) return { ok: false, reason: "not_allowed" };
  if (!VALUES[change.field].includes(change.value)) {
    return { ok: false, reason: "invalid", field: change.field, message: "is not one of the values offered" };
  }
  const reason = reasonText.safeParse(change.reason);
  if (!reason.success) {
    return {
      ok: false,
      reason: "invalid",
      field: "reason",
      message: reason.error.issues[0]?.message ?? "is not valid",
    };
  }
  const stored = routingInputOfRow(row);
  const input = { ...stored, [change.field]: change.value };
  const { routes, withheld } = route(input, await loadRoutingTable(db));
  const before = new Set(
    (await db.select({ agencyId: tipRoutes.agencyId }).from(tipRoutes).where(eq(tipRoutes.tipId, tipId))).map(
      (r) => r.agencyId,
    ),
  );
  const subject = {
    id: tipId,
    priority: input.priority,
    classification: input.classification,
    country: input.country,
    situations: input.situations as Situation[],
    childInvolved: input.childInvolved,
  };
  await auditedBatch(
    db,
    (now) => [
      db
        .update(tips)
        .set({ [change.field]: change.value, routingNotes: withheld, updatedAt: now })
        .where(eq(tips.id, tipId)),
      db.delete(tipRoutes).where(eq(tipRoutes.tipId, tipId)),
      ...routes.map((r) => db.insert(tipRoutes).values({ tipId, ...r, createdAt: now })),
      ...outboxWrites(
        { db, publicUrl: ctx.publicUrl },
        subject,
        routes.filter((r) => !before.has(r.agencyId)),
        now,
      ),
    ],
    {
      actor: actorOf(ctx.viewer),
      action: ACTION[change.field],
      subject: tipId,
      details: { from: row[change.field], to: change.value, reason: change.reason },
    },
    ctx.now,
  );
  return { ok: true };
};
