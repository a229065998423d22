import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
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

/**
 * How far a stream has read: the last tip row and the last audit entry it has gone past. Both
 * numbers grow in commit order (SQLite writes one transaction at a time, tips are never deleted and
 * the audit seq is AUTOINCREMENT), so nothing committed later can fall behind a position.
 */
export type FeedPosition = { tip: number; seq: number };

export const positionId = (at: FeedPosition) => `${at.tip}.${at.seq}`;

export const parsePositionId = (id: string | null | undefined): FeedPosition | null => {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(id ?? "");
  return match ? { tip: Number(match[1]), seq: Number(match[2]) } : null;
};

/**
 * How far back a resumed stream is replayed. A browser reconnects within seconds; an older (or
 * forged) Last-Event-ID gets no more than this, and only what the viewer's scope shows anyway.
 */
export const REPLAY_WINDOW_MS = 10 * 60_000;

/** Whether a new tip belongs in this viewer's queue: the same rule as `tipScope`, on the event's routes. */
export const seesNewTip = (viewer: Viewer, event: Pick<NewTipEvent, "agencyIds">) => {
  if (viewer.kind === "operator" || viewer.role === "supervisor") return true;
  return viewer.role === "agent" && viewer.agencyId !== null && event.agencyIds.includes(viewer.agencyId);
};

/** The follow-up API's entry for a reporter's message: written in the same batch as the message. */
export const MESSAGE_RECEIVED = "followup.message.received";

const rankOf = (priority: unknown) => (typeof priority === "string" && /^P\d$/.test(priority) ? priority : "P9");

type Send<E> = (event: E, at: FeedPosition) => void;
export type FeedOptions = {
  /** Resume after this position (a reconnecting browser's Last-Event-ID) instead of now. */
  after?: FeedPosition | null;
  /** After every poll, even a failed one: where the subscriber stands now. */
  tick?: (at: FeedPosition) => void;
};
type Subscriber = {
  viewer: Viewer;
  send: Send<NewTipEvent>;
  reply: Send<ReplyEvent>;
  tick: (at: FeedPosition) => void;
  at: Promise<FeedPosition>;
};

const BATCH = 1_000;

/**
 * New tips and reporters' messages for every open console of this process from one query each a
 * tick (not one per console): each subscriber gets only the events in its viewer's scope, after its
 * own position. Polling the database, rather than a signal from intake, also sees what another
 * process or a Worker stored.
 */
export const tipFeed = (db: AppDb, { everyMs = 1_000, now = () => new Date() } = {}) => {
  const subscribers = new Set<Subscriber>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let polling = false;

  /** The newest position, and a resumed one moved up to the replay window and down to the newest. */
  const startAt = async (after: FeedPosition | null): Promise<FeedPosition> => {
    const since = now().getTime() - REPLAY_WINDOW_MS;
    // The last row older than the window, found walking back from the newest (the unary + keeps
    // SQLite off the created_at index): only the window's rows are read, however old the id sent.
    const [row] = await db
      .select({
        tip: sql<number>`coalesce(max(rowid), 0)`.mapWith(Number),
        seq: sql<number>`(select coalesce(max(seq), 0) from audit_log)`.mapWith(Number),
        tipFloor:
          sql<number>`coalesce((select t.rowid from tips t where +t.created_at <= ${since} order by t.rowid desc limit 1), 0)`.mapWith(
            Number,
          ),
        seqFloor:
          sql<number>`coalesce((select a.seq from audit_log a where +a.at <= ${since} order by a.seq desc limit 1), 0)`.mapWith(
            Number,
          ),
      })
      .from(tips);
    const newest = { tip: row?.tip ?? 0, seq: row?.seq ?? 0 };
    if (!after) return newest;
    return {
      tip: Math.min(newest.tip, Math.max(after.tip, row?.tipFloor ?? newest.tip)),
      seq: Math.min(newest.seq, Math.max(after.seq, row?.seqFloor ?? newest.seq)),
    };
  };

  const routesOf = async (tipIds: string[]) => {
    if (tipIds.length === 0) return new Map<string, string[]>();
    const rows = await db
      .select({ tipId: tipRoutes.tipId, agencyId: tipRoutes.agencyId })
      .from(tipRoutes)
      .where(inArray(tipRoutes.tipId, tipIds));
    const byTip = new Map<string, string[]>();
    for (const r of rows) byTip.set(r.tipId, [...(byTip.get(r.tipId) ?? []), r.agencyId]);
    return byTip;
  };

  const poll = async () => {
    if (polling || subscribers.size === 0) return;
    polling = true;
    const present = [...subscribers];
    try {
      // A start that failed (the database away) is taken again from now, not from nothing.
      for (const s of present) s.at = s.at.catch(() => startAt(null));
      const positions = await Promise.all(present.map((s) => s.at));
      const fromTip = Math.min(...positions.map((p) => p.tip));
      const fromSeq = Math.min(...positions.map((p) => p.seq));
      const newTips = await db
        .select({
          row: sql<number>`rowid`.mapWith(Number),
          id: tips.id,
          priority: tips.priority,
          createdAt: tips.createdAt,
        })
        .from(tips)
        .where(sql`rowid > ${fromTip}`)
        .orderBy(sql`rowid`)
        .limit(BATCH);
      const replies = await db
        .select({ seq: auditLog.seq, tipId: auditLog.subject, details: auditLog.details })
        .from(auditLog)
        .where(and(gt(auditLog.seq, fromSeq), eq(auditLog.action, MESSAGE_RECEIVED)))
        .orderBy(asc(auditLog.seq))
        .limit(BATCH);
      // Entries of other kinds are passed over too: a position moves up to the newest entry read.
      const [lastEntry] = await db
        .select({ seq: sql<number>`coalesce(max(seq), 0)`.mapWith(Number) })
        .from(auditLog)
        .where(gt(auditLog.seq, fromSeq));
      const seqRead = replies.length === BATCH ? (replies.at(-1)?.seq ?? fromSeq) : (lastEntry?.seq ?? fromSeq);
      const routes = await routesOf([
        ...new Set([...newTips.map((t) => t.id), ...replies.flatMap((r) => (r.tipId ? [r.tipId] : []))]),
      ]);
      present.forEach((s, i) => {
        if (!subscribers.has(s)) return;
        const at = { ...(positions[i] as FeedPosition) };
        for (const tip of newTips) {
          if (tip.row <= at.tip) continue;
          at.tip = tip.row;
          const event = {
            id: tip.id,
            priority: tip.priority,
            createdAt: tip.createdAt.getTime(),
            agencyIds: routes.get(tip.id) ?? [],
          };
          if (seesNewTip(s.viewer, event)) s.send(event, { ...at });
        }
        for (const entry of replies) {
          if (entry.seq <= at.seq) continue;
          at.seq = entry.seq;
          if (!entry.tipId) continue;
          const { priorityBefore, priorityAfter } = entry.details as {
            priorityBefore?: unknown;
            priorityAfter?: unknown;
          };
          const event: ReplyEvent = {
            kind: "reply",
            tipId: entry.tipId,
            priority: typeof priorityAfter === "string" ? priorityAfter : null,
            raised: rankOf(priorityAfter) < rankOf(priorityBefore),
          };
          if (seesNewTip(s.viewer, { agencyIds: routes.get(entry.tipId) ?? [] })) s.reply(event, { ...at });
        }
        at.seq = Math.max(at.seq, seqRead);
        s.at = Promise.resolve(at);
      });
    } finally {
      polling = false;
      for (const s of present) {
        if (subscribers.has(s)) void s.at.then((at) => s.tick(at)).catch(() => {});
      }
    }
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  return {
    /**
     * Starts polling with the first subscriber, stops with the last; returns the unsubscribe, whose
     * `at` is where the subscriber starts (what its stream's first `id:` says).
     */
    subscribe(
      viewer: Viewer,
      send: Send<NewTipEvent>,
      reply: Send<ReplyEvent> = () => {},
      { after = null, tick = () => {} }: FeedOptions = {},
    ) {
      const subscriber: Subscriber = { viewer, send, reply, tick, at: startAt(after) };
      subscriber.at.catch(() => {});
      subscribers.add(subscriber);
      if (!timer) timer = setInterval(() => void poll().catch(() => {}), everyMs);
      const unsubscribe = () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) stop();
      };
      return Object.assign(unsubscribe, { at: subscriber.at });
    },
    poll,
    stop,
    size: () => subscribers.size,
  };
};

export type TipFeed = ReturnType<typeof tipFeed>;
