import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import { appendAudit } from "../audit/append.js";
import {
  agencies,
  auditLog,
  deliveryOutbox,
  internalNotes,
  partners,
  tipLinks,
  tipRoutes,
  tips,
} from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Keys } from "../security/keys.js";
import { unseal } from "../security/seal.js";
import { actorOf, tipScope, type Viewer } from "./scope.js";
import { openTipFields, tipSealContext } from "./sealing.js";

export const noteSealContext = (tipId: string, noteId: string) => tipSealContext(tipId, `note:${noteId}`);

/** The tip's row when the viewer may see it; null when it does not exist or is out of scope (the same answer). */
export const findTipRow = async (db: AppDb, viewer: Viewer, tipId: string) => {
  const scope = tipScope(db, viewer);
  if (scope === null) return null;
  const [row] = await db
    .select()
    .from(tips)
    .where(and(eq(tips.id, tipId), ...(scope ? [scope] : [])))
    .limit(1);
  return row ?? null;
};

const inScope = (db: AppDb, viewer: Viewer, condition: SQL) => {
  const scope = tipScope(db, viewer);
  return scope ? and(condition, scope) : condition;
};

/**
 * Everything about one tip that a viewer allowed to see it may read: the answers (opened), triage
 * and its reasons, the routes with each delivery's state, internal notes (opened), the audit
 * timeline and the related tips the viewer can also see. Opening it is itself audited.
 */
export const readTip = async (db: AppDb, keys: Keys, viewer: Viewer, tipId: string, now = new Date()) => {
  const row = await findTipRow(db, viewer, tipId);
  if (!row) return null;
  const [partner] = await db.select({ key: partners.key }).from(partners).where(eq(partners.id, row.partnerId));
  const routes = await db
    .select({
      agencyId: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      role: tipRoutes.role,
      ruleId: tipRoutes.ruleId,
      reason: tipRoutes.reason,
    })
    .from(tipRoutes)
    .innerJoin(agencies, eq(tipRoutes.agencyId, agencies.id))
    .where(eq(tipRoutes.tipId, tipId))
    .orderBy(sql`${tipRoutes.role} <> 'primary'`, asc(agencies.slug));
  const deliveries = await db
    .select({
      agencyId: deliveryOutbox.agencyId,
      event: deliveryOutbox.event,
      status: deliveryOutbox.status,
      attempts: deliveryOutbox.attempts,
      lastError: deliveryOutbox.lastError,
      deliveredAt: deliveryOutbox.deliveredAt,
    })
    .from(deliveryOutbox)
    .where(eq(deliveryOutbox.tipId, tipId))
    .orderBy(asc(deliveryOutbox.createdAt));
  const notes = await db
    .select()
    .from(internalNotes)
    .where(eq(internalNotes.tipId, tipId))
    .orderBy(asc(internalNotes.createdAt));
  const linkRows = await db
    .select({ tipId: tipLinks.tipId, linkedTipId: tipLinks.linkedTipId })
    .from(tipLinks)
    .where(or(eq(tipLinks.tipId, tipId), eq(tipLinks.linkedTipId, tipId)));
  const linkedIds = linkRows.map((l) => (l.tipId === tipId ? l.linkedTipId : l.tipId));
  const visibleLinks = [];
  for (const id of linkedIds) {
    const [linked] = await db
      .select({ id: tips.id, priority: tips.priority, status: tips.status, createdAt: tips.createdAt })
      .from(tips)
      .where(inScope(db, viewer, eq(tips.id, id)));
    if (linked) visibleLinks.push(linked);
  }
  // Recorded before the timeline is read, so that the page shows this look too.
  await appendAudit(db, { actor: actorOf(viewer), action: "tip.view", subject: tipId, details: {} }, now);
  const timeline = await db
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.subject, tipId))
    .orderBy(asc(auditLog.seq));
  const content = await openTipFields(keys, tipId, row);
  const openedNotes = [];
  for (const note of notes) {
    openedNotes.push({
      id: note.id,
      staffId: note.staffId,
      createdAt: note.createdAt,
      text: await unseal<string>(keys, noteSealContext(tipId, note.id), note.bodySealed),
    });
  }
  const {
    receiptHash: _receipt,
    legacyRegion: _legacy,
    reasons: _quoteless,
    narrativeSealed: _narrative,
    locationSealed: _location,
    peopleSealed: _people,
    detailsSealed: _details,
    contactSealed: _contact,
    reasonsSealed: _reasons,
    ...codes
  } = row;
  return {
    ...codes,
    partnerKey: partner?.key ?? null,
    content,
    routes: routes.map((r) => ({ ...r, deliveries: deliveries.filter((d) => d.agencyId === r.agencyId) })),
    notes: openedNotes,
    links: visibleLinks,
    timeline,
  };
};

export type TipView = NonNullable<Awaited<ReturnType<typeof readTip>>>;
