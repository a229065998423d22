import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../fixtures/console.js";
import { addMembers, csrfOf, fileTip, signedInAs, tipElsewhere, tipForX } from "../fixtures/console-workspace.js";
import { writeReporterMessage } from "../fixtures/followup-messages.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

/**
 * From issue 12 (item 5): a stream ends after about ten minutes and the browser reconnects within a
 * few seconds, resuming from Last-Event-ID; sessions end 12 hours after sign-in or 30 minutes idle.
 */
const MINUTE = 60_000;
const STREAM_LIFETIME = 10 * MINUTE;
const SESSION_ABSOLUTE = 12 * 60 * MINUTE;
const SESSION_IDLE = 30 * MINUTE;

type Block = { event?: string; id?: string; retry?: number; data?: Record<string, unknown> };

/** Reads a text/event-stream body block by block, as EventSource parses it (comments dropped). */
const sse = (response: Response) => {
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const parse = (text: string) => {
    const block: Block = {};
    for (const line of text.split("\n")) {
      const at = line.indexOf(": ");
      if (line.startsWith(":") || at < 0) continue;
      const [field, value] = [line.slice(0, at), line.slice(at + 2)];
      if (field === "event") block.event = value;
      if (field === "id") block.id = value;
      if (field === "retry") block.retry = Number(value);
      if (field === "data") block.data = JSON.parse(value);
    }
    return block;
  };
  const next = async (): Promise<Block | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        return block;
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return {
    next,
    until: async (wanted: (block: Block) => boolean) => {
      for (;;) {
        const block = await next();
        if (!block) throw new Error("the stream ended");
        if (wanted(block)) return block;
      }
    },
    /** Every event left, once the server has ended the stream. */
    events: async () => {
      const events: Block[] = [];
      for (let block = await next(); block; block = await next()) if (block.event) events.push(block);
      return events;
    },
    cancel: () => reader.cancel(),
  };
};
type Stream = ReturnType<typeof sse>;

const hasId = (block: Block) => block.id !== undefined;
const summary = (events: Block[]): Record<string, unknown>[] => events.map((e) => ({ event: e.event, ...e.data }));

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let open: Stream[];
beforeEach(async () => {
  clock = manualClock(new Date());
  t = await createTestApp({ now: clock.now });
  await addMembers(t);
  open = [];
});
afterEach(async () => {
  for (const stream of open) await stream.cancel().catch(() => {});
  await t.close();
});

const connect = async (browser: Awaited<ReturnType<typeof signedInAs>>, lastEventId?: string) => {
  const stream = sse(await browser.get("/console/events", lastEventId ? { "Last-Event-ID": lastEventId } : {}));
  open.push(stream);
  return stream;
};

describe("the event stream's lifetime", () => {
  it("tells the browser to reconnect within seconds, and ends after about ten minutes", async () => {
    const supervisor = await signedInAs(t, clock.now, "supervisor", "198.51.100.20");
    const stream = await connect(supervisor);
    const { retry } = await stream.until((b) => b.retry !== undefined);
    expect(retry).toBeGreaterThanOrEqual(1_000);
    expect(retry).toBeLessThanOrEqual(10_000);
    await stream.until(hasId);
    clock.advance(STREAM_LIFETIME - MINUTE);
    const tip = await fileTip(t, tipForX());
    expect((await stream.until((b) => b.event === "tip")).data).toMatchObject({ id: tip });
    clock.advance(MINUTE);
    expect(await stream.events()).toEqual([]);
  }, 20_000);

  it("ends at the session's absolute end when that comes first", async () => {
    const agent = await signedInAs(t, clock.now, "agentX", "198.51.100.21");
    const openAt = SESSION_ABSOLUTE - 5 * MINUTE;
    for (let elapsed = 0; elapsed < openAt; ) {
      const step = Math.min(20 * MINUTE, openAt - elapsed);
      clock.advance(step);
      elapsed += step;
      expect((await agent.get("/console")).status).toBe(200);
    }
    const stream = await connect(agent);
    await stream.until(hasId);
    clock.advance(4 * MINUTE);
    const tip = await fileTip(t, tipForX());
    expect((await stream.until((b) => b.event === "tip")).data).toMatchObject({ id: tip });
    clock.advance(MINUTE);
    expect(await stream.events()).toEqual([]);
  }, 30_000);
});

describe("reconnecting with Last-Event-ID", () => {
  it("delivers what came in the gap, a P0 and a reporter's reply, to each viewer in scope only", async () => {
    const replyTip = await fileTip(t, tipForX());
    const members = {
      supervisor: await signedInAs(t, clock.now, "supervisor", "198.51.100.22"),
      agentX: await signedInAs(t, clock.now, "agentX", "198.51.100.23"),
      agentY: await signedInAs(t, clock.now, "agentY", "198.51.100.24"),
    };
    const lastIds: Record<string, string> = {};
    for (const [name, browser] of Object.entries(members)) {
      const first = await connect(browser);
      lastIds[name] = String((await first.until(hasId)).id);
      await first.cancel();
    }
    clock.advance(5_000);
    const p0 = await fileTip(t, validTip({ dangerNow: "yes" }));
    const elsewhere = await fileTip(t, tipElsewhere());
    await writeReporterMessage(t, replyTip, "Ils partent ce soir, il a un couteau.", {
      at: clock.now(),
      raiseTo: "P0",
    });
    clock.advance(5_000);
    const again = {
      supervisor: await connect(members.supervisor, lastIds.supervisor),
      agentX: await connect(members.agentX, lastIds.agentX),
      agentY: await connect(members.agentY, lastIds.agentY),
    };
    clock.advance(STREAM_LIFETIME);
    const p0Event = { event: "tip", id: p0, priority: "P0" };
    const raised = { event: "reply", id: replyTip, priority: "P0", raised: true };
    expect(summary(await again.supervisor.events())).toMatchObject([p0Event, { event: "tip", id: elsewhere }, raised]);
    expect(summary(await again.agentX.events())).toMatchObject([p0Event, raised]);
    expect(await again.agentY.events()).toEqual([]);
  }, 30_000);

  it("replays nothing for an id it cannot read, and no more than the last ten minutes for an old one", async () => {
    const supervisor = await signedInAs(t, clock.now, "supervisor", "198.51.100.25");
    const old = await fileTip(t, tipForX());
    clock.advance(6 * MINUTE);
    const recent = await fileTip(t, tipElsewhere());
    clock.advance(5 * MINUTE);
    const forged = await connect(supervisor, "0.0");
    const unreadable = await connect(supervisor, "the newest please");
    const fresh = await connect(supervisor);
    clock.advance(STREAM_LIFETIME);
    const replayed = summary(await forged.events());
    expect(replayed).toMatchObject([{ event: "tip", id: recent }]);
    expect(replayed.map((e) => e.id)).not.toContain(old);
    expect(await unreadable.events()).toEqual([]);
    expect(await fresh.events()).toEqual([]);
  }, 20_000);
});

describe("a session that ended", () => {
  it("gets 204 at the reconnect after signing out, which stops EventSource, and nothing of the gap", async () => {
    const agent = await signedInAs(t, clock.now, "agentX", "198.51.100.26");
    const cookie = [...agent.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const first = await connect(agent);
    const lastId = String((await first.until(hasId)).id);
    await first.cancel();
    expect((await agent.post("/console/sign-out", { csrf: await csrfOf(agent) })).status).toBe(303);
    await fileTip(t, validTip({ dangerNow: "yes" }));
    const refused = await agent.get("/console/events", { Cookie: cookie, "Last-Event-ID": lastId });
    expect(refused.status).toBe(204);
    expect(refused.headers.get("Location")).toBeNull();
    expect(await refused.text()).toBe("");
  });

  it("ends an open stream within seconds when the member signs out everywhere from another device", async () => {
    const agent = await signedInAs(t, clock.now, "agentX", "198.51.100.29");
    const stream = await connect(agent);
    await stream.until(hasId);
    const phone = await signedInAs(t, clock.now, "agentX", "198.51.100.30");
    expect((await phone.post("/console/sign-out/everywhere", { csrf: await csrfOf(phone) })).status).toBe(303);
    // Well within the stream's ten minutes: a quarter of a minute, for the stream to look again.
    clock.advance(MINUTE / 4);
    expect(await stream.events()).toEqual([]);
  }, 20_000);

  it("gets 204 at the reconnect once idle for 30 minutes", async () => {
    const agent = await signedInAs(t, clock.now, "agentX", "198.51.100.27");
    const first = await connect(agent);
    const lastId = String((await first.until(hasId)).id);
    await first.cancel();
    clock.advance(SESSION_IDLE);
    const refused = await agent.get("/console/events", { "Last-Event-ID": lastId });
    expect(refused.status).toBe(204);
    expect(await refused.text()).toBe("");
  });

  it("is not kept alive by its own reconnects: an open queue tab is no member at work (the idle end stands)", async () => {
    const agent = await signedInAs(t, clock.now, "agentX", "198.51.100.28");
    for (let minutes = 0; minutes < 30; minutes += 10) {
      const stream = await connect(agent);
      await stream.until(hasId);
      await stream.cancel();
      clock.advance(10 * MINUTE);
    }
    expect((await agent.get("/console/events")).status).toBe(204);
    expect((await agent.get("/console")).status).toBe(303);
  });
});
