import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../server/src/db/schema.js";
import { type NewTipEvent, tipFeed } from "../../server/src/tips/feed.js";
import type { Viewer } from "../../server/src/tips/scope.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
const agencyId = async (slug: string) =>
  (await t.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)).find((a) => a.slug === slug)?.id ?? null;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the feed of new tips for open consoles", () => {
  it("tells each console of the new tips in its scope, once, from one query a tick", async () => {
    const feed = tipFeed(t.db, { everyMs: 3_600_000, now: () => new Date(Date.now() - 5_000) });
    const viewers: Record<string, Viewer> = {
      supervisor: { kind: "staff", id: "s", role: "supervisor", agencyId: null },
      childAgent: { kind: "staff", id: "c", role: "agent", agencyId: await agencyId("mr-child-protection") },
      coastAgent: { kind: "staff", id: "g", role: "agent", agencyId: await agencyId("mr-coast-guard") },
      auditor: { kind: "staff", id: "a", role: "auditor", agencyId: null },
    };
    const heard: Record<string, NewTipEvent[]> = {};
    const unsubscribe = Object.entries(viewers).map(([name, viewer]) => {
      heard[name] = [];
      return feed.subscribe(viewer, (event) => heard[name]?.push(event));
    });
    // DOMAIN.md: a child begging reaches child protection, not the coast guard.
    expect((await t.post(t.body(validTip({ dangerNow: "yes" })))).status).toBe(201);
    await feed.poll();
    expect(heard.supervisor).toHaveLength(1);
    expect(heard.childAgent?.map((e) => e.id)).toEqual(heard.supervisor?.map((e) => e.id));
    expect(heard.supervisor?.[0]?.priority).toBe("P0");
    expect(heard.coastAgent).toEqual([]);
    expect(heard.auditor).toEqual([]);
    expect((await t.post(t.body())).status).toBe(201);
    await feed.poll();
    await feed.poll();
    expect(heard.supervisor).toHaveLength(2);
    expect(new Set(heard.supervisor?.map((e) => e.id)).size).toBe(2);
    // A tip stamped before the newest one seen, but committed after it (as a slower transaction would be).
    const newest = Math.max(...(heard.supervisor ?? []).map((e) => e.createdAt));
    expect((await t.post(t.body())).status).toBe(201);
    const [late] = (await t.exec("select id from tips order by created_at desc limit 1")).rows;
    await t.exec(`update tips set created_at = ${newest - 2_000} where id = '${late?.id}'`);
    await feed.poll();
    await feed.poll();
    expect(heard.supervisor?.map((e) => e.id)).toContain(late?.id);
    expect(heard.supervisor).toHaveLength(3);
    for (const stop of unsubscribe) stop();
    expect(feed.size()).toBe(0);
  });
});
