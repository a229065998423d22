import { boundedText, NARRATIVE_MAX } from "@balagh/shared";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { messages, staff, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Keys } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";
import type { ActionResult } from "./actions.js";
import { findTipRow } from "./read.js";
import { actorOf, type Viewer } from "./scope.js";
import { messageSealContext } from "./sealing.js";

/** A reply follows the reporter's own rules for the narrative (shared/src/text.ts). */
export const replyText = boundedText(NARRATIVE_MAX, { min: 1 });

export type ConversationMessage = {
  id: string;
  direction: "reporter" | "hotline";
  /** The member who answered; null for the reporter's messages and for a member since removed. */
  staffId: string | null;
  staffEmail: string | null;
  text: string;
  createdAt: Date;
  /** A reporter's message no member had opened before this read. */
  wasUnread: boolean;
};

/**
 * The conversation of one tip the viewer may see, oldest first, opened. Reading it is audited and
 * marks the reporter's messages it shows as read, in one batch: the queue's unread count is then
 * what is still unread, even when a reporter writes while the page is being drawn.
 */
export const readConversation = async (db: AppDb, keys: Keys, viewer: Viewer, tipId: string, now = new Date()) => {
  const tip = await findTipRow(db, viewer, tipId);
  if (!tip) return null;
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      staffId: messages.staffId,
      staffEmail: staff.email,
      bodySealed: messages.bodySealed,
      readAt: messages.readAt,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .leftJoin(staff, eq(messages.staffId, staff.id))
    .where(eq(messages.tipId, tipId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const opened: ConversationMessage[] = [];
  for (const row of rows) {
    opened.push({
      id: row.id,
      direction: row.direction,
      staffId: row.staffId,
      staffEmail: row.staffEmail,
      text: await unseal<string>(keys, messageSealContext(tipId, row.id), row.bodySealed),
      createdAt: row.createdAt,
      wasUnread: row.direction === "reporter" && row.readAt === null,
    });
  }
  const unread = opened.filter((m) => m.wasUnread).map((m) => m.id);
  if (rows.length > 0) {
    await auditedBatch(
      db,
      (at) => [
        ...(unread.length
          ? [
              db
                .update(messages)
                .set({ readAt: at })
                .where(and(inArray(messages.id, unread), isNull(messages.readAt))),
            ]
          : []),
        db
          .update(tips)
          .set({
            unreadMessages: sql`(select count(*) from ${messages} where ${messages.tipId} = ${tipId} and ${messages.direction} = 'reporter' and ${messages.readAt} is null)`,
          })
          .where(eq(tips.id, tipId)),
      ],
      {
        actor: actorOf(viewer),
        action: "tip.conversation.read",
        subject: tipId,
        details: { messages: rows.length, newlyRead: unread.length },
      },
      now,
    );
  }
  return {
    tipId,
    language: tip.language,
    receivedAt: tip.createdAt,
    awaitingReplySince: tip.awaitingReplySince,
    messages: opened,
  };
};

export type Conversation = NonNullable<Awaited<ReturnType<typeof readConversation>>>;

/**
 * A member's answer to the reporter, sealed like the narrative; the reporter reads it with the
 * receipt only (no email, SMS or push ever goes out). Answering ends the wait the queue shows.
 */
export const replyToReporter = async (
  ctx: { db: AppDb; keys: Keys; viewer: Viewer; now?: Date },
  tipId: string,
  body: string,
): Promise<ActionResult> => {
  const tip = await findTipRow(ctx.db, ctx.viewer, tipId);
  if (!tip) return { ok: false, reason: "not_found" };
  if (ctx.viewer.kind !== "staff") return { ok: false, reason: "not_allowed" };
  const parsed = replyText.safeParse(body);
  if (!parsed.success) {
    return { ok: false, reason: "invalid", field: "reply", message: parsed.error.issues[0]?.message ?? "is not valid" };
  }
  const id = crypto.randomUUID();
  const sealed = await seal(ctx.keys, messageSealContext(tipId, id), body);
  const staffId = ctx.viewer.id;
  await auditedBatch(
    ctx.db,
    (now) => [
      ctx.db
        .insert(messages)
        .values({ id, tipId, direction: "hotline", staffId, bodySealed: sealed, readAt: null, createdAt: now }),
      ctx.db.update(tips).set({ awaitingReplySince: null, updatedAt: now }).where(eq(tips.id, tipId)),
    ],
    { actor: actorOf(ctx.viewer), action: "tip.reply", subject: tipId, details: { message: id } },
    ctx.now,
  );
  return { ok: true };
};
