import type { Situation } from "@balagh/shared";
import { and, asc, eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { agencies, deliveryOutbox, tipRoutes, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { outboxWrites } from "../delivery/outbox.js";
import type { DeliverySubject } from "../delivery/payload.js";
import { type ActionResult, reasonText } from "./actions.js";
import { findTipRow } from "./read.js";
import { actorOf, mayTake, type Viewer } from "./scope.js";

export const REROUTE_CHANGES = ["add", "remove"] as const;
export const ROUTE_ROLES = ["primary", "notify"] as const;

export type RerouteChange = { change: string; agencySlug: string; role?: string; reason: string };

/** Why a change was refused, for the form to say in the member's words. */
export type RerouteProblem = "change" | "agency" | "role" | "already" | "notRouted" | "lastPrimary" | "coordinating";

const invalid = (field: string, problem: RerouteProblem): ActionResult => ({
  ok: false,
  reason: "invalid",
  field,
  message: problem,
});

/**
 * A supervisor adds an agency to a tip or removes one, with a reason: the re-routing routing rules
 * do, by hand. Rules do not run again. An added agency is sent the tip as at intake (`tip.routed`:
 * for that agency the tip is new); a removed one loses its undelivered announcements. The tip always
 * keeps an agency acting on it and the coordinating agency. The change and its audit entry are
 * written in one batch.
 */
export const rerouteTip = async (
  ctx: { db: AppDb; viewer: Viewer; publicUrl: string; now?: Date },
  tipId: string,
  input: RerouteChange,
): Promise<ActionResult> => {
  const { db } = ctx;
  const row = await findTipRow(db, ctx.viewer, tipId);
  if (!row) return { ok: false, reason: "not_found" };
  if (!mayTake(ctx.viewer, "reroute")) return { ok: false, reason: "not_allowed" };
  if (!(REROUTE_CHANGES as readonly string[]).includes(input.change)) return invalid("change", "change");
  const [agency] = await db.select().from(agencies).where(eq(agencies.slug, input.agencySlug)).limit(1);
  if (!agency) return invalid("agency", "agency");
  const routes = await db
    .select({ agencyId: tipRoutes.agencyId, role: tipRoutes.role })
    .from(tipRoutes)
    .where(eq(tipRoutes.tipId, tipId));
  const current = routes.find((r) => r.agencyId === agency.id);
  const adding = input.change === "add";
  if (adding) {
    if (agency.disabled) return invalid("agency", "agency");
    if (current) return invalid("agency", "already");
    if (!(ROUTE_ROLES as readonly string[]).includes(input.role ?? "")) return invalid("role", "role");
  } else {
    if (!current) return invalid("agency", "notRouted");
    if (agency.isCoordinating) return invalid("agency", "coordinating");
    const primaries = routes.filter((r) => r.role === "primary");
    if (current.role === "primary" && primaries.length <= 1) return invalid("agency", "lastPrimary");
  }
  const reason = reasonText.safeParse(input.reason);
  if (!reason.success) {
    return {
      ok: false,
      reason: "invalid",
      field: "reason",
      message: reason.error.issues[0]?.message ?? "is not valid",
    };
  }
  const role = (adding ? input.role : current?.role) as (typeof ROUTE_ROLES)[number];
  const subject: DeliverySubject = {
    id: tipId,
    priority: row.priority as DeliverySubject["priority"],
    classification: row.classification as DeliverySubject["classification"],
    country: row.country,
    situations: row.situations as Situation[],
    childInvolved: row.childInvolved as DeliverySubject["childInvolved"],
  };
  await auditedBatch(
    db,
    (now) => [
      db.update(tips).set({ updatedAt: now }).where(eq(tips.id, tipId)),
      ...(adding
        ? [
            db
              .insert(tipRoutes)
              .values({ tipId, agencyId: agency.id, role, ruleId: null, reason: input.reason, createdAt: now }),
            ...outboxWrites(
              { db, publicUrl: ctx.publicUrl },
              subject,
              [{ agencyId: agency.id, role, ruleId: null, reason: input.reason }],
              now,
            ),
          ]
        : [
            db.delete(tipRoutes).where(and(eq(tipRoutes.tipId, tipId), eq(tipRoutes.agencyId, agency.id))),
            db
              .delete(deliveryOutbox)
              .where(
                and(
                  eq(deliveryOutbox.tipId, tipId),
                  eq(deliveryOutbox.agencyId, agency.id),
                  eq(deliveryOutbox.status, "pending"),
                ),
              ),
          ]),
    ],
    {
      actor: actorOf(ctx.viewer),
      action: adding ? "tip.route.add" : "tip.route.remove",
      subject: tipId,
      details: { agency: agency.slug, role, reason: input.reason },
    },
    ctx.now,
  );
  return { ok: true };
};

/** What the re-routing form offers for one tip the viewer may re-route: its agencies, and every agency still active. */
export const rerouteChoices = async (db: AppDb, viewer: Viewer, tipId: string) => {
  const row = await findTipRow(db, viewer, tipId);
  if (!row) return { found: false as const };
  if (!mayTake(viewer, "reroute")) return { found: true as const, allowed: false as const };
  const routed = await db
    .select({ slug: agencies.slug, name: agencies.name, role: tipRoutes.role })
    .from(tipRoutes)
    .innerJoin(agencies, eq(tipRoutes.agencyId, agencies.id))
    .where(eq(tipRoutes.tipId, tipId))
    .orderBy(asc(agencies.name));
  const active = await db
    .select({ slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.disabled, false))
    .orderBy(asc(agencies.name));
  return { found: true as const, allowed: true as const, routed, agencies: active };
};

export type RerouteChoices = Extract<Awaited<ReturnType<typeof rerouteChoices>>, { allowed: true }>;
