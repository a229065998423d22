import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies } from "../../server/src/db/schema.js";
import { type ReplyEvent, tipFeed } from "../../server/src/tips/feed.js";
import type { Viewer } from "../../server/src/tips/scope.js";
import { AGENCY_X, AGENCY_Y, fileTip, tipElsewhere, tipForX } from "../fixtures/console-workspace.js";
import { writeReporterMessage } from "../fixtures/followup-messages.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

let t: TestApp;
const agencyId = async (slug: string) =>
  (await t.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)).find((a) => a.slug === slug)?.id ?? null;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("reporter messages in the feed of open consoles", () => {
  it("tells each console in the tip's scope that the reporter wrote, once, and whether it raised the tip", async () => {
    const before = await fileTip(t, tipForX());
    await writeReporterMessage(t, before, "Écrit avant que la console ne s'ouvre.");
    const feed = tipFeed(t.db, { everyMs: 3_600_000 });
    const viewers: Record<string, Viewer> = {
      supervisor: { kind: "staff", id: "s", role: "supervisor", agencyId: null },
      agentX: { kind: "staff", id: "x", role: "agent", agencyId: await agencyId(AGENCY_X) },
      agentY: { kind: "staff", id: "y", role: "agent", agencyId: await agencyId(AGENCY_Y) },
      auditor: { kind: "staff", id: "a", role: "auditor", agencyId: null },
      admin: { kind: "staff", id: "d", role: "admin", agencyId: null },
    };
    const heard: Record<string, ReplyEvent[]> = {};
    const stops = Object.entries(viewers).map(([name, viewer]) => {
      heard[name] = [];
      return feed.subscribe(
        viewer,
        () => {},
        (event) => heard[name]?.push(event),
      );
    });
    const tipX = await fileTip(t, tipForX());
    const elsewhere = await fileTip(t, tipElsewhere());
    await writeReporterMessage(t, tipX, "Rien de nouveau, je voulais savoir.");
    await feed.poll();
    // DOMAIN.md: the begging child's tip is P1 and reaches child protection (X), not the coast guard (Y).
    const ordinary = { kind: "reply", tipId: tipX, priority: "P1", raised: false };
    expect(heard.supervisor).toEqual([ordinary]);
    expect(heard.agentX).toEqual([ordinary]);
    expect(heard.agentY).toEqual([]);
    expect(heard.auditor).toEqual([]);
    expect(heard.admin).toEqual([]);

    await writeReporterMessage(t, tipX, "Ils partent ce soir, il a un couteau.", { raiseTo: "P0" });
    await writeReporterMessage(t, elsewhere, "Le bateau part demain.");
    await feed.poll();
    await feed.poll();
    const raised = { kind: "reply", tipId: tipX, priority: "P0", raised: true };
    expect(heard.supervisor?.slice(1).map((e) => e.tipId)).toEqual([tipX, elsewhere]);
    expect(heard.supervisor?.[1]).toEqual(raised);
    expect(heard.agentX).toEqual([ordinary, raised]);
    expect(heard.agentY).toEqual([]);
    for (const stop of stops) stop();
    expect(feed.size()).toBe(0);
  });
});
