import type { Context } from "hono";
import type { TipFeed } from "../../tips/feed.js";
import type { SignedInViewer } from "../types.js";

/** A comment line now and then, so proxies and phones' networks do not close a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after the stream drops (the SSE `retry` field). */
const RECONNECT_MS = 3_000;

/**
 * Server-sent events for one open queue: a `tip` event for each new tip in the member's scope
 * (its id, priority and time, nothing sealed) and a `reply` event for each reporter's message on
 * one (its id, priority and whether the message raised it), from the app's one shared feed. The subscription
 * ends when the browser goes away, whichever of abort or cancel the runtime reports first.
 */
export const liveEvents = (c: Context, feed: TipFeed, viewer: SignedInViewer, heartbeatMs = HEARTBEAT_MS) => {
  const encoder = new TextEncoder();
  let end = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          end();
        }
      };
      const unsubscribe = feed.subscribe(
        viewer,
        (event) => {
          const data = { id: event.id, priority: event.priority, createdAt: event.createdAt };
          write(`event: tip\nid: ${event.id}\ndata: ${JSON.stringify(data)}\n\n`);
        },
        (event) => {
          const data = { id: event.tipId, priority: event.priority, raised: event.raised };
          write(`event: reply\ndata: ${JSON.stringify(data)}\n\n`);
        },
      );
      const heartbeat = setInterval(() => write(": still here\n\n"), heartbeatMs);
      end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        end = () => {};
      };
      c.req.raw.signal.addEventListener("abort", () => {
        end();
        try {
          controller.close();
        } catch {}
      });
      write(`retry: ${RECONNECT_MS}\n: open\n\n`);
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
