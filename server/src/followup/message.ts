import type { FollowupMessage } from "@balagh/shared";
import { eq, sql } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { messages, tips } from "../db/schema.js";
import type { BatchStatement } from "../db/types.js";
import type { Services } from "../deps.js";
import { ApiError, isDatabaseError } from "../http/errors.js";
import { seal } from "../security/seal.js";
import { messageSealContext } from "../tips/sealing.js";
import { messageIdempotency, messageReplay, recordMessageAnswer } from "./idempotency.js";
import { raiseFromMessage } from "./message-triage.js";
import { raiseWrites } from "./raise.js";
import { sessionEnded } from "./session.js";

/** The audit action the console's live feed follows: keep the name and the detail keys. */
export const MESSAGE_RECEIVED = "followup.message.received";

/** Enough for a conversation, not for flooding the queue from one receipt. */
export const MESSAGES_PER_HOUR = 30;

const tooMany = (seconds: number) =>
  new ApiError(
    429,
    "rate_limited",
    `Too many messages in a short time. Please wait ${Math.ceil(seconds / 60)} minute(s).`,
    {
      headers: { "Retry-After": String(seconds) },
    },
  );

export type Sent = { message: FollowupMessage; replayed: boolean };

/**
 * The reporter's message, sealed, in one batch with everything it changes: the tip's unread count
 * and waiting time, a raise of its priority when triage reads an emergency in it (with the new
 * routes and deliveries), the idempotency record, and the audit entry (no content in it).
 */
export const sendMessage = async (services: Services, tipId: string, body: string, key: string): Promise<Sent> => {
  const idem = await messageIdempotency(services, tipId, key, body);
  const replay = await messageReplay(services, idem);
  if (replay) return { message: replay, replayed: true };
  const now = services.now();
  const allowance = await services.rateLimiter(
    `followup-messages:${tipId}`,
    { max: MESSAGES_PER_HOUR, windowSeconds: 3600 },
    now,
  );
  if (!allowance.allowed) throw tooMany(allowance.retryAfterSeconds);
  const [row] = await services.db.select().from(tips).where(eq(tips.id, tipId)).limit(1);
  if (!row) throw sessionEnded();
  const messageId = crypto.randomUUID();
  const raise = raiseFromMessage(row, body, messageId);
  const message: FollowupMessage = { from: "reporter", body, sentAt: now.toISOString(), automatic: false };
  const bodySealed = await seal(services.keys, messageSealContext(tipId, messageId), body);
  const statements: BatchStatement[] = [
    services.db.insert(messages).values({ id: messageId, tipId, direction: "reporter", bodySealed, createdAt: now }),
    services.db
      .update(tips)
      .set({
        unreadMessages: sql`${tips.unreadMessages} + 1`,
        awaitingReplySince: sql`coalesce(${tips.awaitingReplySince}, ${now.getTime()})`,
        updatedAt: now,
      })
      .where(eq(tips.id, tipId)),
    ...(raise ? await raiseWrites(services, row, raise, now) : []),
    ...(await recordMessageAnswer(services, tipId, idem, message, now)),
  ];
  try {
    await auditedBatch(
      services.db,
      () => statements,
      {
        actor: "reporter",
        action: MESSAGE_RECEIVED,
        subject: tipId,
        details: { messageId, priorityBefore: row.priority, priorityAfter: raise?.priority ?? row.priority },
      },
      now,
    );
  } catch (error) {
    // The same key sent twice at once: the first batch won, this one wrote nothing; answer as the first.
    const first = isDatabaseError(error) ? await messageReplay(services, idem) : null;
    if (!first) throw error;
    return { message: first, replayed: true };
  }
  return { message, replayed: false };
};
