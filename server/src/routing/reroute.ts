import type { Situation } from "@balagh/shared";
import { eq } from "drizzle-orm";
import { appendAudit } from "../audit/append.js";
import { agencies, tipRoutes, tips } from "../db/schema.js";
import { outboxWrites } from "../delivery/outbox.js";
import type { Services } from "../deps.js";
import { route } from "./index.js";
import { routingInputOfRow } from "./input.js";
import { loadRoutingTable } from "./load.js";
import type { RoutingInput } from "./rules.js";

export type TriageOverride = Partial<Pick<RoutingInput, "priority" | "classification">>;

export class TipNotFoundError extends Error {}

/** A staff override of the triage: routing runs again on the new values; who, when and why go to the audit log. */
export const rerouteTip = async (
  services: Pick<Services, "db" | "publicUrl">,
  tipId: string,
  override: TriageOverride,
  by: { actor: string; why: string; now?: Date },
) => {
  const { db } = services;
  const [tip] = await db.select().from(tips).where(eq(tips.id, tipId)).limit(1);
  if (!tip) throw new TipNotFoundError(`no tip with id ${tipId}`);
  const stored = routingInputOfRow(tip);
  const input = {
    ...stored,
    priority: override.priority ?? stored.priority,
    classification: override.classification ?? stored.classification,
  };
  const { routes, withheld } = route(input, await loadRoutingTable(db));
  const now = by.now ?? new Date();
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
  await db.batch([
    db
      .update(tips)
      .set({ priority: input.priority, classification: input.classification, routingNotes: withheld })
      .where(eq(tips.id, tipId)),
    db.delete(tipRoutes).where(eq(tipRoutes.tipId, tipId)),
    ...routes.map((r) => db.insert(tipRoutes).values({ tipId, ...r, createdAt: now })),
    // Agencies the override adds learn of the tip as if it had been routed to them at intake.
    ...outboxWrites(
      services,
      subject,
      routes.filter((r) => !before.has(r.agencyId)),
      now,
    ),
  ]);
  const slugs = new Map(
    (await db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)).map((a) => [a.id, a.slug]),
  );
  await appendAudit(
    db,
    {
      actor: by.actor,
      action: "tip.reroute",
      subject: tipId,
      details: {
        why: by.why,
        from: { priority: tip.priority, classification: tip.classification },
        to: { priority: input.priority, classification: input.classification },
        routes: routes.map((r) => `${slugs.get(r.agencyId)}:${r.role}`),
      },
    },
    now,
  );
  return { routes, withheld };
};
