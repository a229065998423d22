import { boundedText, NARRATIVE_MAX, SHORT_TEXT_MAX } from "@balagh/shared";
import { and, eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { internalNotes, staff, tipLinks, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Keys } from "../security/keys.js";
import { seal } from "../security/seal.js";
import { findTipRow, noteSealContext } from "./read.js";
import { actorOf, mayTake, type TipAction, type Viewer } from "./scope.js";
import { STAFF_STATUSES, type StaffStatus } from "./statuses.js";

/** What an action answers; routes turn it into HTTP (not_found = 404 for a tip out of scope too). */
export type ActionResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_allowed" }
  | { ok: false; reason: "invalid"; field: string; message: string };

const invalid = (field: string, message: string): ActionResult => ({ ok: false, reason: "invalid", field, message });

export const noteText = boundedText(NARRATIVE_MAX, { min: 1 });
export const reasonText = boundedText(SHORT_TEXT_MAX, { min: 1 });

type Context = { db: AppDb; viewer: Viewer; now?: Date };

/** The tip, when the viewer may see it and take this action on it. */
const target = async ({ db, viewer }: Context, tipId: string, action: TipAction) => {
  const row = await findTipRow(db, viewer, tipId);
  if (!row) return { result: { ok: false, reason: "not_found" } as ActionResult };
  if (!mayTake(viewer, action)) return { result: { ok: false, reason: "not_allowed" } as ActionResult };
  return { row };
};

const checkText = (schema: typeof reasonText, field: string, value: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : invalid(field, parsed.error.issues[0]?.message ?? "is not valid");
};

/** An internal note, sealed at rest like the narrative. */
export const addNote = async (ctx: Context & { keys: Keys }, tipId: string, text: string): Promise<ActionResult> => {
  const { row, result } = await target(ctx, tipId, "note");
  if (!row) return result;
  const problem = checkText(noteText, "note", text);
  if (problem) return problem;
  const id = crypto.randomUUID();
  const body = await seal(ctx.keys, noteSealContext(tipId, id), text);
  await auditedBatch(
    ctx.db,
    (now) => [
      ctx.db
        .insert(internalNotes)
        .values({ id, tipId, staffId: staffIdOf(ctx.viewer), bodySealed: body, createdAt: now }),
      ctx.db.update(tips).set({ updatedAt: now }).where(eq(tips.id, tipId)),
    ],
    { actor: actorOf(ctx.viewer), action: "tip.note", subject: tipId, details: { note: id } },
    ctx.now,
  );
  return { ok: true };
};

const staffIdOf = (viewer: Viewer) => {
  if (viewer.kind !== "staff") throw new Error("notes are written by staff members");
  return viewer.id;
};

/** received → in review → referred → closed, or spam, or a duplicate of another tip the viewer can see. */
export const setStatus = async (
  ctx: Context,
  tipId: string,
  change: { status: string; reason: string; duplicateOf?: string },
): Promise<ActionResult> => {
  const { row, result } = await target(ctx, tipId, "status");
  if (!row) return result;
  if (!STAFF_STATUSES.includes(change.status as StaffStatus)) return invalid("status", "is not a status");
  const problem = checkText(reasonText, "reason", change.reason);
  if (problem) return problem;
  let duplicateOf: string | null = null;
  if (change.status === "duplicate") {
    const original = change.duplicateOf ? await findTipRow(ctx.db, ctx.viewer, change.duplicateOf) : null;
    if (!original || original.id === tipId) return invalid("duplicateOf", "must name another tip you can see");
    duplicateOf = original.id;
  }
  await auditedBatch(
    ctx.db,
    (now) => [
      ctx.db.update(tips).set({ status: change.status, duplicateOf, updatedAt: now }).where(eq(tips.id, tipId)),
    ],
    {
      actor: actorOf(ctx.viewer),
      action: "tip.status",
      subject: tipId,
      details: { from: row.status, to: change.status, reason: change.reason, duplicateOf },
    },
    ctx.now,
  );
  return { ok: true };
};

/** Gives the tip to a member who can see it (a supervisor, or an agent of an agency it was routed to), or to no one. */
export const assignTip = async (
  ctx: Context,
  tipId: string,
  change: { staffId: string | null; reason: string },
): Promise<ActionResult> => {
  const { row, result } = await target(ctx, tipId, "assign");
  if (!row) return result;
  const problem = checkText(reasonText, "reason", change.reason);
  if (problem) return problem;
  if (change.staffId !== null) {
    const [member] = await ctx.db.select().from(staff).where(eq(staff.id, change.staffId)).limit(1);
    const assignee =
      member && !member.disabled
        ? await findTipRow(
            ctx.db,
            { kind: "staff", id: member.id, role: member.role, agencyId: member.agencyId },
            tipId,
          )
        : null;
    if (!assignee) return invalid("staffId", "must be an active member who can see this tip");
  }
  await auditedBatch(
    ctx.db,
    (now) => [ctx.db.update(tips).set({ assignedTo: change.staffId, updatedAt: now }).where(eq(tips.id, tipId))],
    {
      actor: actorOf(ctx.viewer),
      action: "tip.assign",
      subject: tipId,
      details: { from: row.assignedTo, to: change.staffId, reason: change.reason },
    },
    ctx.now,
  );
  return { ok: true };
};

/** Marks two tips the viewer can both see as related; once per pair. */
export const linkTips = async (ctx: Context, tipId: string, otherId: string): Promise<ActionResult> => {
  const { row, result } = await target(ctx, tipId, "link");
  if (!row) return result;
  const other = await findTipRow(ctx.db, ctx.viewer, otherId);
  if (!other || other.id === tipId) return invalid("linkedTipId", "must name another tip you can see");
  const [first, second] = [tipId, otherId].sort() as [string, string];
  const [existing] = await ctx.db
    .select()
    .from(tipLinks)
    .where(and(eq(tipLinks.tipId, first), eq(tipLinks.linkedTipId, second)));
  if (existing) return { ok: true };
  await auditedBatch(
    ctx.db,
    (now) => [
      ctx.db.insert(tipLinks).values({
        tipId: first,
        linkedTipId: second,
        staffId: ctx.viewer.kind === "staff" ? ctx.viewer.id : null,
        createdAt: now,
      }),
    ],
    { actor: actorOf(ctx.viewer), action: "tip.link", subject: tipId, details: { linked: otherId } },
    ctx.now,
  );
  return { ok: true };
};
