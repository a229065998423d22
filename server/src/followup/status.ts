import type { FollowupMessage, FollowupStatus, TipStatus } from "@balagh/shared";
import { asc, eq, sql } from "drizzle-orm";
import { messages, tips } from "../db/schema.js";
import type { Services } from "../deps.js";
import { unseal } from "../security/seal.js";
import { messageSealContext } from "../tips/sealing.js";
import { acknowledgementOf } from "./acknowledgement.js";
import { sessionEnded } from "./session.js";

/** The reporter's plain words: staff's spam and duplicate read as closed (DESIGN.md). */
const REPORTER_STATUS: Record<string, TipStatus> = {
  received: "received",
  in_review: "in_review",
  referred: "referred",
  closed: "closed",
  spam: "closed",
  duplicate: "closed",
};

/**
 * What the reporter may read of their tip: where it stands, when it came, and the conversation.
 * Never triage, agencies, staff names or internal notes: only these columns are read.
 */
export const readFollowup = async (services: Services, tipId: string): Promise<FollowupStatus> => {
  const [tip] = await services.db
    .select({ status: tips.status, language: tips.language, createdAt: tips.createdAt })
    .from(tips)
    .where(eq(tips.id, tipId))
    .limit(1);
  // Deleted since the session was opened (its sessions went with it): the same as an ended session.
  if (!tip) throw sessionEnded();
  const rows = await services.db
    .select({ id: messages.id, direction: messages.direction, bodySealed: messages.bodySealed, at: messages.createdAt })
    .from(messages)
    .where(eq(messages.tipId, tipId))
    .orderBy(asc(messages.createdAt), sql`rowid`);
  const conversation: FollowupMessage[] = [];
  for (const row of rows) {
    conversation.push({
      from: row.direction,
      body: await unseal<string>(services.keys, messageSealContext(tipId, row.id), row.bodySealed),
      sentAt: row.at.toISOString(),
      automatic: false,
    });
  }
  const acknowledgement = acknowledgementOf(tip.language, tip.createdAt);
  return {
    status: REPORTER_STATUS[tip.status] ?? "received",
    receivedAt: tip.createdAt.toISOString(),
    messages: [{ ...acknowledgement, sentAt: acknowledgement.sentAt.toISOString() }, ...conversation],
  };
};
