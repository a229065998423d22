import { and, asc, eq, gt, inArray, max } from "drizzle-orm";
import { auditLog, tipRoutes, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Viewer } from "./scope.js";

/** What a console learns of a new tip: enough to show its line and ring for a P0, nothing sealed. */
export type NewTipEvent = { id: string; priority: string | null; createdAt: number; agencyIds: string[] };

/**
 * A reporter wrote on a tip (the follow-up API's audit entry): which tip, its priority after the
 * message was triaged, and whether that raised it. Never the words.
 */
export type ReplyEvent = { kind: "reply"; tipId: string; priority: string | null; raised: boolean };

/** Whether a new tip belongs in this viewer's queue: the same rule as `tipScope`, on the event's routes. */
export const seesNewTip = (viewer: Viewer, event: Pick<NewTipEvent, "agencyIds">) => {
  if (viewer.kind === "operator" || viewer.role === "supervisor") return true;
  return viewer.role === "agent" && viewer.agencyId !== null && event.agencyIds.includes(viewer.agencyId);
};

/** The follow-up API's entry for a reporter's message: written in the same batch as the message. */
export const MESSAGE_RECEIVED = "followup.message.received";

const rankOf = (priority: unknown) => (typeof priority === "string" && /^P\d$/.test(priority) ? priority : "P9");

type Subscriber = { viewer: Viewer; send: (event: NewTipEvent) => void; reply: (event: ReplyEvent) => void };

// A tip is stamped before its transaction commits (group commit, another process): one stamped a
// little earlier than the newest seen may become visible after it. The poll looks back this far and
// remembers what it already sent.
const LOOKBACK_MS = 10_000;

/**
 * New tips for every open console of this process from one query a tick (not one per console):
 * each subscriber gets only the tips in its viewer's scope. Polling the database, rather than a
 * signal from intake, also sees tips that another process or a Worker stored.
 */
export const tipFeed = (db: AppDb, { everyMs = 1_000, now = () => new Date() } = {}) => {
  const subscribers = new Set<Subscriber>();
  let startedAt = now().getTime();
  let since = startedAt;
  const sent = new Map<string, number>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let polling = false;
  // The audit log's seq, not a time: it is append-only and numbered in commit order, so nothing
  // committed after the last entry seen can carry a smaller one.
  let lastSeq: Promise<number> = Promise.resolve(0);
  const newestSeq = async () => Number((await db.select({ seq: max(auditLog.seq) }).from(auditLog))[0]?.seq ?? 0);

  const pollReplies = async () => {
    const after = await lastSeq;
    const entries = await db
      .select({ seq: auditLog.seq, tipId: auditLog.subject, details: auditLog.details })
      .from(auditLog)
      .where(and(gt(auditLog.seq, after), eq(auditLog.action, MESSAGE_RECEIVED)))
      .orderBy(asc(auditLog.seq))
      .limit(1_000);
    const last = entries.at(-1);
    if (!last) return;
    lastSeq = Promise.resolve(last.seq);
    const tipIds = [...new Set(entries.flatMap((e) => (e.tipId ? [e.tipId] : [])))];
    const routes = await db
      .select({ tipId: tipRoutes.tipId, agencyId: tipRoutes.agencyId })
      .from(tipRoutes)
      .where(inArray(tipRoutes.tipId, tipIds));
    for (const entry of entries) {
      if (!entry.tipId) continue;
      const { priorityBefore, priorityAfter } = entry.details as { priorityBefore?: unknown; priorityAfter?: unknown };
      const event: ReplyEvent = {
        kind: "reply",
        tipId: entry.tipId,
        priority: typeof priorityAfter === "string" ? priorityAfter : null,
        raised: rankOf(priorityAfter) < rankOf(priorityBefore),
      };
      const agencyIds = routes.filter((r) => r.tipId === entry.tipId).map((r) => r.agencyId);
      for (const s of subscribers) if (seesNewTip(s.viewer, { agencyIds })) s.reply(event);
    }
  };

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      await pollReplies();
      const recent = await db
        .select({ id: tips.id, priority: tips.priority, createdAt: tips.createdAt })
        .from(tips)
        .where(gt(tips.createdAt, new Date(since - LOOKBACK_MS)))
        .orderBy(asc(tips.createdAt), asc(tips.id))
        .limit(1_000);
      const fresh = recent.filter((t) => !sent.has(t.id) && t.createdAt.getTime() >= startedAt);
      for (const t of recent) since = Math.max(since, t.createdAt.getTime());
      for (const [id, at] of sent) if (at < since - LOOKBACK_MS) sent.delete(id);
      if (fresh.length === 0) return;
      const routes = await db
        .select({ tipId: tipRoutes.tipId, agencyId: tipRoutes.agencyId })
        .from(tipRoutes)
        .where(
          inArray(
            tipRoutes.tipId,
            fresh.map((t) => t.id),
          ),
        );
      for (const tip of fresh) {
        sent.set(tip.id, tip.createdAt.getTime());
        const event = {
          id: tip.id,
          priority: tip.priority,
          createdAt: tip.createdAt.getTime(),
          agencyIds: routes.filter((r) => r.tipId === tip.id).map((r) => r.agencyId),
        };
        for (const s of subscribers) if (seesNewTip(s.viewer, event)) s.send(event);
      }
    } finally {
      polling = false;
    }
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  return {
    /** Starts polling with the first subscriber, stops with the last; returns the unsubscribe. */
    subscribe(viewer: Viewer, send: (event: NewTipEvent) => void, reply: (event: ReplyEvent) => void = () => {}) {
      const subscriber = { viewer, send, reply };
      subscribers.add(subscriber);
      if (!timer) {
        startedAt = now().getTime();
        since = startedAt;
        sent.clear();
        lastSeq = newestSeq().catch(() => 0);
        timer = setInterval(() => void poll().catch(() => {}), everyMs);
      }
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) stop();
      };
    },
    poll,
    stop,
    size: () => subscribers.size,
  };
};

export type TipFeed = ReturnType<typeof tipFeed>;
