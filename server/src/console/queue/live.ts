import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { sessions } from "../../db/schema.js";
import type { Services } from "../../deps.js";
import { type FeedPosition, parsePositionId, positionId } from "../../tips/feed.js";
import type { ConsoleSession, SignedInViewer } from "../types.js";

/** A comment line now and then, so proxies and phones' networks do not close a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after the stream drops or ends (the SSE `retry` field). */
export const RECONNECT_MS = 3_000;
/**
 * How long one stream lives: its reconnect passes the session check again, so a member timed out stops
 * receiving events within this; and no request lives forever (a Worker's).
 */
export const STREAM_LIFETIME_MS = 10 * 60_000;
/** How often an open stream asks whether its session still exists (one indexed read). */
const SESSION_RECHECK_MS = 15_000;

/** When the session ends whatever the member does (12 hours after sign-in): the stream ends then at the latest. */
const sessionEndOf = async (services: Pick<Services, "db">, session: ConsoleSession) => {
  const [row] = await services.db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.tokenHash, session.tokenHash));
  return row ? row.expiresAt.getTime() : 0;
};

/**
 * Server-sent events for one open queue or workspace: a `tip` event for each new tip in the
 * member's scope (its id, priority and time, nothing sealed) and a `reply` event for each reporter's
 * message on one (its id, priority and whether the message raised it), from the app's one shared feed.
 * Every event, and every heartbeat, carries the feed position as its `id:`: a browser that reconnects
 * sends it back as Last-Event-ID and gets what came in the gap (within the feed's replay window).
 * The stream ends after its lifetime, at the session's end at the latest, or when the browser goes
 * away, whichever of abort or cancel the runtime reports first.
 */
export const liveEvents = async (
  c: Context,
  services: Pick<Services, "db" | "now" | "tipFeed">,
  viewer: SignedInViewer,
  session: ConsoleSession,
  { heartbeatMs = HEARTBEAT_MS, lifetimeMs = STREAM_LIFETIME_MS } = {},
) => {
  const endsAt = Math.min(services.now().getTime() + lifetimeMs, await sessionEndOf(services, session));
  const after = parsePositionId(c.req.header("Last-Event-ID"));
  const encoder = new TextEncoder();
  let end = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let position: FeedPosition | null = null;
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          end();
        }
      };
      const idLine = (at: FeedPosition) => `id: ${positionId(at)}\n`;
      const close = () => {
        if (position) write(`${idLine(position)}\n`);
        end();
        try {
          controller.close();
        } catch {}
      };
      // A member signed out everywhere or disabled loses the session row: their streams end within
      // SESSION_RECHECK_MS of it, not at the end of the stream's lifetime.
      let checkedAt = services.now().getTime();
      const endIfSignedOut = async (now: number) => {
        if (now - checkedAt < SESSION_RECHECK_MS) return;
        checkedAt = now;
        if ((await sessionEndOf(services, session).catch(() => 0)) <= now) close();
      };
      const endIfDue = () => {
        const now = services.now().getTime();
        if (now >= endsAt) close();
        else void endIfSignedOut(now);
      };
      const unsubscribe = services.tipFeed.subscribe(
        viewer,
        (event, at) => {
          position = at;
          const data = { id: event.id, priority: event.priority, createdAt: event.createdAt };
          write(`event: tip\n${idLine(at)}data: ${JSON.stringify(data)}\n\n`);
        },
        (event, at) => {
          position = at;
          const data = { id: event.tipId, priority: event.priority, raised: event.raised };
          write(`event: reply\n${idLine(at)}data: ${JSON.stringify(data)}\n\n`);
        },
        {
          after,
          tick: (at) => {
            position = at;
            endIfDue();
          },
        },
      );
      // An `id:` without data sets the browser's last event id and dispatches nothing: a stream that
      // saw no event still resumes from where it started.
      void unsubscribe.at.then(
        (at) => {
          position ??= at;
          write(`${idLine(position)}: open\n\n`);
        },
        () => {},
      );
      const heartbeat = setInterval(() => {
        write(`${position ? idLine(position) : ""}: still here\n\n`);
        endIfDue();
      }, heartbeatMs);
      end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        end = () => {};
      };
      c.req.raw.signal.addEventListener("abort", close);
      write(`retry: ${RECONNECT_MS}\n\n`);
      endIfDue();
    },
    cancel() {
      end();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
};
