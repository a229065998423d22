import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tipWebhookPayloadSchema } from "@balagh/shared";
import { afterEach, describe, expect, it } from "vitest";
import { runDeliveries } from "../../server/src/delivery/dispatcher.js";
import { storedNewTip } from "../../server/src/delivery/kick.js";
import { unseal } from "../../server/src/security/seal.js";
import { manualClock } from "../fixtures/console.js";
import { outboxRows, setWebhooks } from "../fixtures/deliveries.js";
import { fileTip, reporter, tokenFor } from "../fixtures/followup-api.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";
import { startWebhookReceiver, type WebhookReceiver } from "../fixtures/webhook-receiver.js";

let t: TestApp;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await t?.close();
  // Not closed twice by a test that makes no app of its own.
  t = undefined as unknown as TestApp;
});

const tipRow = async (tipId: string) =>
  (await t.exec(`select * from tips where id = '${tipId}'`)).rows[0] as unknown as Record<string, unknown>;
const auditOf = async (tipId: string) =>
  (
    await t.exec(
      `select actor, action, subject, details from audit_log where action = 'followup.message.received' and subject = '${tipId}' order by seq`,
    )
  ).rows.map((r) => ({ ...r, details: JSON.parse(String(r.details)) }));
const storedFiles = () => readdirSync(t.dir).map((name) => readFileSync(join(t.dir, name)).toString("latin1"));

// A child begging report: P1 at intake (a child at risk), no emergency.
const childReport = () => validTip({ language: "fr" });
// The examples of emergency signals in a follow-up message.
const KNIFE = "Il a un couteau en ce moment, il menace les enfants.";
const ORDINARY = "Merci. Le carrefour est celui du marché Capitale, à côté de la pharmacie.";

describe("a reporter's message", () => {
  it("is stored sealed with its counts and its audit entry (no content), oldest first after the acknowledgement", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const { receipt, tipId } = await fileTip(t, childReport());
    const token = await tokenFor(t, receipt);
    clock.advance(60_000);
    const firstAt = clock.now();
    const marker = `Marker-message-4471 ${ORDINARY}`;
    const sent = await reporter(t).send(token, marker);
    expect(sent.status).toBe(201);
    expect(await sent.json()).toEqual({
      from: "reporter",
      body: marker,
      sentAt: firstAt.toISOString(),
      automatic: false,
    });

    const [message] = (await t.exec("select * from messages")).rows;
    expect(message).toMatchObject({ tip_id: tipId, direction: "reporter", staff_id: null, read_at: null });
    expect(String(message?.body_sealed)).not.toContain("Marker-message-4471");
    expect(await tipRow(tipId)).toMatchObject({
      unread_messages: 1,
      awaiting_reply_since: firstAt.getTime(),
      updated_at: firstAt.getTime(),
      priority: "P1",
    });
    expect(await auditOf(tipId)).toEqual([
      {
        actor: "reporter",
        action: "followup.message.received",
        subject: tipId,
        details: { messageId: message?.id, priorityBefore: "P1", priorityAfter: "P1" },
      },
    ]);

    clock.advance(60_000);
    expect((await reporter(t).send(token, "Deuxième message")).status).toBe(201);
    // Still waiting since the first unanswered message.
    expect(await tipRow(tipId)).toMatchObject({ unread_messages: 2, awaiting_reply_since: firstAt.getTime() });
    const read = (await (await reporter(t).read(token)).json()) as { messages: { body: string; automatic: boolean }[] };
    expect(read.messages.map((m) => [m.body === marker ? "first" : m.body, m.automatic])).toEqual([
      [read.messages[0]?.body, true],
      ["first", false],
      ["Deuxième message", false],
    ]);
    expect(storedFiles().join("\n")).not.toContain("Marker-message-4471");
  });

  it("sent again with the same Idempotency-Key gets the same answer and is stored once; without a key it is refused", async () => {
    t = await createTestApp();
    const { receipt, tipId } = await fileTip(t);
    const token = await tokenFor(t, receipt);
    const key = { "Idempotency-Key": "5b1f0c2e-retry-after-a-lost-answer" };
    const first = await reporter(t).send(token, "Le bateau est bleu.", key);
    const again = await reporter(t).send(token, "Le bateau est bleu.", key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    expect(await t.count("messages")).toBe(1);
    expect((await tipRow(tipId)).unread_messages).toBe(1);
    expect(await auditOf(tipId)).toHaveLength(1);

    // Sent twice at the same moment (a double tap): one message, the same answer to both.
    const twice = { "Idempotency-Key": "0b7d7d0e-double-tap" };
    const both = await Promise.all([0, 1].map(() => reporter(t).send(token, "Deux fois ?", twice)));
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    const [a, b] = await Promise.all(both.map((r) => r.text()));
    expect(a).toBe(b);
    expect(await t.count("messages")).toBe(2);

    const withoutKey = await t.app.request("/api/v1/followup/messages", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ body: "Sans clé" }),
    });
    expect(withoutKey.status).toBe(422);
    expect(await withoutKey.json()).toMatchObject({ error: { code: "validation_failed" } });
    expect((await reporter(t).send(token, "Clé trop courte", { "Idempotency-Key": "short" })).status).toBe(422);
    expect(await t.count("messages")).toBe(2);
  });
});

describe("triage of a follow-up message", () => {
  const deliver = (clock: { now: () => Date }) =>
    runDeliveries({ db: t.db, keys: t.keys, log: () => {} }, { now: clock.now, timeoutMs: 2_000, production: false });

  it("an emergency raises the priority, says why, and sends tip.updated to every agency the tip is routed to", async () => {
    // Receivers refuse a signature more than 5 minutes from their own clock: the test's clock starts at the real time.
    const clock = manualClock(new Date());
    t = await createTestApp({ now: clock.now });
    receiver = await startWebhookReceiver();
    await setWebhooks(t.client, t.keys, receiver);
    const { receipt, tipId } = await fileTip(t, childReport());
    expect((await tipRow(tipId)).priority).toBe("P1");
    await deliver(clock);
    const routedCount = receiver.received.length;
    const routedSlugs = (
      await t.exec(`select a.slug from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}'`)
    ).rows.map((r) => String(r.slug));
    expect(routedCount).toBe(routedSlugs.length);

    const token = await tokenFor(t, receipt);
    clock.advance(60_000);
    expect((await reporter(t).send(token, KNIFE)).status).toBe(201);

    const row = await tipRow(tipId);
    expect(row.priority).toBe("P0");
    const [message] = (await t.exec("select id from messages")).rows;
    const clear = JSON.parse(String(row.reasons)) as Record<string, unknown>[];
    const fromMessage = clear.filter((r) => r.source === "followup_message");
    expect(fromMessage.map((r) => r.signal)).toEqual(expect.arrayContaining(["weapon", "now"]));
    expect(fromMessage.every((r) => r.message === message?.id)).toBe(true);
    expect(String(row.reasons)).not.toContain("couteau");
    const sealed = await unseal<Record<string, unknown>[]>(t.keys, `tip:${tipId}:reasons`, String(row.reasons_sealed));
    expect(sealed.filter((r) => r.source === "followup_message").map((r) => r.evidence)).toEqual(
      expect.arrayContaining(["couteau", "en ce moment"]),
    );
    expect(sealed.filter((r) => r.source === "narrative").length).toBeGreaterThan(0);
    expect(await auditOf(tipId)).toMatchObject([
      { details: { messageId: message?.id, priorityBefore: "P1", priorityAfter: "P0" } },
    ]);

    const pass = await deliver(clock);
    const updates = receiver.received.slice(routedCount).filter((r) => JSON.parse(r.body).type === "tip.updated");
    expect(updates.map((r) => r.slug).sort()).toEqual([...routedSlugs].sort());
    for (const request of updates) {
      expect(request.verified).toBe(true);
      const payload = tipWebhookPayloadSchema.parse(JSON.parse(request.body));
      expect(payload).toMatchObject({
        type: "tip.updated",
        timestamp: clock.now().toISOString(),
        tip: { id: tipId, priority: "P0" },
        change: { cause: "followup_message", previousPriority: "P1" },
      });
      expect(request.body).not.toMatch(/couteau|menace/);
    }
    expect(pass.dead + pass.retried).toBe(0);
    // Routing ran again at P0: an agency it adds is sent the tip as at intake, none is taken away.
    const routedNow = (
      await t.exec(`select a.slug from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}'`)
    ).rows.map((r) => String(r.slug));
    expect(routedNow).toEqual(expect.arrayContaining(routedSlugs));
    const added = routedNow.filter((slug) => !routedSlugs.includes(slug));
    const newlyRouted = receiver.received.slice(routedCount).filter((r) => JSON.parse(r.body).type === "tip.routed");
    expect(newlyRouted.map((r) => r.slug).sort()).toEqual(added.sort());
    // The README's coverage rule: a P0 has police, gendarmerie or coast guard as primary; this child report had none.
    const kinds = (
      await t.exec(
        `select a.kind from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}' and r.role = 'primary'`,
      )
    ).rows.map((r) => String(r.kind));
    expect(kinds.some((kind) => ["police", "gendarmerie", "coast_guard"].includes(kind))).toBe(true);
    expect(added.length).toBeGreaterThan(0);
  });

  it("a boat report whose reporter writes that they leave tonight becomes P0", async () => {
    t = await createTestApp();
    const boat = validTip({
      language: "en",
      situations: ["unsafe_boat_departure"],
      childInvolved: "no",
      indicators: [],
      narrative: "A pirogue is being prepared on the beach north of the port.",
    });
    const { receipt, tipId } = await fileTip(t, boat);
    const before = (await tipRow(tipId)).priority;
    expect(before).not.toBe("P0");
    expect((await reporter(t).send(await tokenFor(t, receipt), "They leave tonight.")).status).toBe(201);
    expect((await tipRow(tipId)).priority).toBe("P0");
  });

  it("an ordinary message changes no priority and sends nothing, and nothing ever lowers a priority", async () => {
    t = await createTestApp();
    receiver = await startWebhookReceiver();
    await setWebhooks(t.client, t.keys, receiver);
    const { receipt, tipId } = await fileTip(t, childReport());
    const urgent = await fileTip(t, validTip({ dangerNow: "yes", when: "happening_now" }));
    const outboxBefore = (await outboxRows(t)).length;
    const reasonsBefore = (await tipRow(tipId)).reasons_sealed;

    expect((await reporter(t).send(await tokenFor(t, receipt), ORDINARY)).status).toBe(201);
    expect(await tipRow(tipId)).toMatchObject({ priority: "P1", reasons_sealed: reasonsBefore });
    expect((await tipRow(urgent.tipId)).priority).toBe("P0");
    const calm = "Ils sont partis, plus personne n'est en danger, tout est calme depuis des mois.";
    expect((await reporter(t).send(await tokenFor(t, urgent.receipt), calm)).status).toBe(201);
    expect((await tipRow(urgent.tipId)).priority).toBe("P0");
    expect((await outboxRows(t)).length).toBe(outboxBefore);
    expect((await auditOf(tipId))[0]?.details).toMatchObject({ priorityBefore: "P1", priorityAfter: "P1" });
  });

  it("raises from the message's words only: staff's lower priority stands against the answers, and a higher one against a lesser signal", async () => {
    t = await createTestApp();
    const lowered = await fileTip(t, childReport());
    const raised = await fileTip(t, childReport());
    // As staff overrides leave them: the answers alone would make the first P1, the second P0 is staff's.
    await t.exec(`update tips set priority = 'P3' where id = '${lowered.tipId}'`);
    await t.exec(`update tips set priority = 'P0' where id = '${raised.tipId}'`);
    expect((await reporter(t).send(await tokenFor(t, lowered.receipt), ORDINARY)).status).toBe(201);
    expect((await tipRow(lowered.tipId)).priority).toBe("P3");
    // A weapon without "now" reads as P1 for a child: never a reason to lower a P0.
    expect((await reporter(t).send(await tokenFor(t, raised.receipt), "Il a un couteau.")).status).toBe(201);
    expect((await tipRow(raised.tipId)).priority).toBe("P0");
  });

  it("sends its deliveries at once, as a new tip's are", () => {
    const post = (path: string) => new Request(`http://localhost${path}`, { method: "POST" });
    expect(storedNewTip(post("/api/v1/followup/messages"), new Response(null, { status: 201 }))).toBe(true);
    const replayed = new Response(null, { status: 201, headers: { "Idempotent-Replayed": "true" } });
    expect(storedNewTip(post("/api/v1/followup/messages"), replayed)).toBe(false);
  });
});
