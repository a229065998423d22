import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tipWebhookPayloadSchema } from "@balagh/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MAX_ATTEMPTS } from "../../server/src/delivery/backoff.js";
import { runDeliveries } from "../../server/src/delivery/dispatcher.js";
import { listUndelivered } from "../../server/src/delivery/list.js";
import type { DeliverySubject } from "../../server/src/delivery/payload.js";
import { openDatabase } from "../../server/src/node/database.js";
import { deriveKeys, generateMasterKey } from "../../server/src/security/keys.js";
import { runBalagh } from "../fixtures/balagh-cli.js";
import { enqueueDelivery, outboxRows, setWebhooks, submitTip as submitTipOf } from "../fixtures/deliveries.js";
import { startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { freePort } from "../fixtures/ports.js";
import { startServerProcess } from "../fixtures/server-process.js";
import { createTestApp, HOTLINE, type TestApp } from "../fixtures/test-app.js";
import { submission, validTip } from "../fixtures/tips.js";
import { startWebhookReceiver, type WebhookReceiver } from "../fixtures/webhook-receiver.js";

const MARKERS = {
  narrative: "Marker-narrative-5521 they keep the children behind the blue gate",
  town: "Marker-town-8812",
  place: "Marker-place-3307",
  contact: "Marker-contact-+22245000000",
  name: "Marker-name-Aminetou",
  suspects: "Marker-suspect-6650",
};

const markedTip = () =>
  validTip({
    narrative: MARKERS.narrative,
    location: { country: "MR", region: "Nouakchott-Ouest", town: MARKERS.town, place: MARKERS.place },
    details: { suspects: MARKERS.suspects },
    disclosure: "confidential",
    contact: { name: MARKERS.name, means: MARKERS.contact, safeToContact: "yes" },
  });

let t: TestApp;
let receiver: WebhookReceiver;
let clock: Date;
const logs: string[] = [];

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
  vi.setSystemTime(clock);
};
// Receivers listen on 127.0.0.1 over plain HTTP, which only development's webhook policy allows.
const pass = (options: Parameters<typeof runDeliveries>[1] = {}) =>
  runDeliveries(
    { db: t.db, keys: t.keys, log: (line) => logs.push(line) },
    { now: () => clock, timeoutMs: 500, production: false, ...options },
  );
const outbox = () => outboxRows(t);
const submitTip = (tip?: unknown) => submitTipOf(t, tip);
const enqueue = (tipId: string, slug: string, priority: DeliverySubject["priority"] = null) =>
  enqueueDelivery(t, { tipId, slug, at: clock, priority });

describe("webhook deliveries", () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    clock = new Date();
    vi.setSystemTime(clock);
    logs.length = 0;
    t = await createTestApp();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await receiver.close();
    await t.close();
  });

  it("writes a row per routed agency with a webhook in the tip's batch, and none without one", async () => {
    await submitTip();
    expect(await t.count("delivery_outbox")).toBe(0);
    await setWebhooks(t.client, t.keys, receiver);
    const tipId = await submitTip();
    const routes = await t.exec(`select agency_id, role from tip_routes where tip_id = '${tipId}' order by agency_id`);
    const rows = await outbox();
    expect(rows.map((r) => r.agency_id).sort()).toEqual(routes.rows.map((r) => r.agency_id));
    expect(rows.every((r) => r.status === "pending" && r.attempts === 0 && r.next_attempt_at === clock.getTime())).toBe(
      true,
    );
  });

  it("signs each delivery so that Webhook.verify accepts it, and sends no narrative, contact or place", async () => {
    await setWebhooks(t.client, t.keys, receiver);
    const tipId = await submitTip(markedTip());
    const rows = await outbox();
    expect(rows.length).toBeGreaterThan(0);

    expect(await pass()).toEqual({ claimed: rows.length, delivered: rows.length, retried: 0, dead: 0 });
    expect(receiver.received).toHaveLength(rows.length);
    const routes = await t.exec(
      `select a.slug, r.role from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}'`,
    );
    for (const request of receiver.received) {
      expect(request.verified).toBe(true);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(rows.map((r) => r.id)).toContain(request.headers["webhook-id"]);
      const payload = tipWebhookPayloadSchema.parse(JSON.parse(request.body));
      expect(payload).toMatchObject({
        type: "tip.routed",
        tip: { id: tipId, country: "MR", situations: ["child_forced_begging"], childInvolved: true },
      });
      expect(payload.tip.consoleUrl).toBe(`${HOTLINE}/console/tips/${tipId}`);
      expect(payload.tip.role).toBe(routes.rows.find((r) => r.slug === request.slug)?.role);
    }
    const everything = [...receiver.received.map((r) => r.body), ...(await outbox()).map((r) => String(r.payload))];
    for (const text of everything) for (const marker of Object.values(MARKERS)) expect(text).not.toContain(marker);

    expect((await outbox()).every((r) => r.status === "delivered" && r.delivered_at === clock.getTime())).toBe(true);
    expect(await pass()).toEqual({ claimed: 0, delivered: 0, retried: 0, dead: 0 });
  });

  it("retries after a 500, a timeout and a refused connection, with the same webhook-id, then delivers", async () => {
    const tipId = await submitTip();
    await setWebhooks(t.client, t.keys, receiver, { slugs: ["mr-child-protection"] });
    await enqueue(tipId, "mr-child-protection");
    const [row] = await outbox();
    const lastError = async () => (await outbox())[0]?.last_error;

    receiver.answers.push("fail", "hang");
    expect(await pass()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await lastError()).toBe("HTTP 500");
    advance(5_000);
    expect(await pass()).toMatchObject({ claimed: 0 });
    advance(40_000);
    expect(await pass()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await lastError()).toBe("timeout");

    const closedPort = await freePort();
    await t.exec(
      `update agencies set webhook_url = 'http://127.0.0.1:${closedPort}/hooks/x' where slug = 'mr-child-protection'`,
    );
    advance(80_000);
    expect(await pass()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await lastError()).toBe("network error (ECONNREFUSED)");

    await t.exec(
      `update agencies set webhook_url = '${receiver.url("mr-child-protection")}' where slug = 'mr-child-protection'`,
    );
    advance(3 * 60_000);
    expect(await pass()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await outbox()).toEqual([expect.objectContaining({ status: "delivered", attempts: 4, last_error: null })]);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([row!.id, row!.id, row!.id]);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
  });

  it("marks a delivery dead after the last attempt and lists it without its payload", async () => {
    const tipId = await submitTip();
    await setWebhooks(t.client, t.keys, receiver, { slugs: ["mr-national-authority"] });
    await enqueue(tipId, "mr-national-authority", "P2");
    receiver.answerOtherwise("fail");
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await pass(), `attempt ${attempt}`).toMatchObject({ claimed: 1 });
      advance(5 * 60 * 60_000);
    }
    expect(await pass()).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect(logs.join("\n")).toMatch(/dead after 15 attempts: HTTP 500/);

    const listed = await listUndelivered(t.db);
    expect(listed).toEqual([
      expect.objectContaining({
        status: "dead",
        tipId,
        agency: "mr-national-authority",
        priority: "P2",
        attempts: MAX_ATTEMPTS,
        lastError: "HTTP 500",
        nextAttemptAt: null,
      }),
    ]);
    expect(listed[0]).not.toHaveProperty("payload");
  });

  it("sends P0 first, then P1 … P3, then tips not triaged yet", async () => {
    const tipId = await submitTip();
    await setWebhooks(t.client, t.keys, receiver, { slugs: ["mr-police"] });
    for (const priority of ["P3", null, "P0", "P2", "P1"] as const) await enqueue(tipId, "mr-police", priority);
    for (let i = 0; i < 5; i++) await pass({ limit: 1 });
    const sent = receiver.received.map((r) => JSON.parse(r.body).tip.priority);
    expect(sent).toEqual(["P0", "P1", "P2", "P3", null]);
  });

  it("never sends a row twice when passes run at once from several connections", async () => {
    const tipId = await submitTip();
    await setWebhooks(t.client, t.keys, receiver, { slugs: ["mr-police"] });
    for (let i = 0; i < 12; i++) await enqueue(tipId, "mr-police");
    const connections = await Promise.all([1, 2, 3].map(() => openDatabase(`file:${t.databaseFile}`)));
    try {
      const passes = await Promise.all(
        connections.flatMap(({ db }) =>
          [1, 2].map(() =>
            runDeliveries({ db, keys: t.keys }, { now: () => clock, limit: 4, timeoutMs: 2_000, production: false }),
          ),
        ),
      );
      expect(passes.reduce((sum, p) => sum + p.delivered, 0)).toBe(12);
    } finally {
      for (const { client } of connections) client.close();
    }
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("publishes the payload's JSON Schema, which accepts a real delivery and refuses extra fields", async () => {
    const response = await t.app.request("/api/v1/schema/webhook.json");
    expect(response.status).toBe(200);
    const schema = (await response.json()) as Record<string, unknown> & { properties: { tip: { required: string[] } } };
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${HOTLINE}/api/v1/schema/webhook.json`,
      required: ["type", "timestamp", "tip"],
      additionalProperties: false,
    });
    expect(schema.properties.tip.required.sort()).toEqual(
      ["childInvolved", "classification", "consoleUrl", "country", "id", "priority", "role", "situations"].sort(),
    );

    await setWebhooks(t.client, t.keys, receiver, { slugs: ["mr-child-protection"] });
    await submitTip();
    await pass();
    const delivered = JSON.parse(receiver.received[0]!.body);
    const fromSchema = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    expect(fromSchema.safeParse(delivered).success).toBe(true);
    expect(fromSchema.safeParse({ ...delivered, tip: { ...delivered.tip, narrative: "x" } }).success).toBe(false);
    const { consoleUrl: _, ...withoutLink } = delivered.tip;
    expect(fromSchema.safeParse({ ...delivered, tip: withoutLink }).success).toBe(false);
  });
});

const balagh = runBalagh;

describe("operating deliveries", () => {
  beforeEach(async () => {
    t = await createTestApp();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    await t.close();
  });

  it("sets a webhook from the CLI, prints its secret once, and runs and lists deliveries", async () => {
    const env = { DATABASE_URL: `file:${t.databaseFile}`, BALAGH_MASTER_KEY: t.masterKey };
    const refused = await balagh(
      ["agencies", "set-webhook", "--agency", "mr-child-protection", "--url", "http://agency.example/hook"],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/https/);
    const unknown = await balagh(["agencies", "set-webhook", "--agency", "nope", "--url", "https://a.example/"], env);
    expect(unknown.stderr).toMatch(/no agency with slug 'nope'/);

    const url = receiver.url("mr-child-protection");
    const set = await balagh(
      ["agencies", "set-webhook", "--agency", "mr-child-protection", "--url", url, "--json"],
      env,
    );
    expect(set.code).toBe(0);
    const { secret } = JSON.parse(set.stdout) as { secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.secrets.set("mr-child-protection", secret);
    const stored = await t.exec(
      "select webhook_url, webhook_secret_sealed from agencies where slug = 'mr-child-protection'",
    );
    expect(stored.rows[0]?.webhook_url).toBe(url);
    expect(String(stored.rows[0]?.webhook_secret_sealed)).not.toContain(secret.slice(6));
    const audit = await t.exec("select action, details from audit_log where action = 'agency.webhook.set'");
    expect(audit.rows).toHaveLength(1);
    expect(String(audit.rows[0]?.details)).not.toContain(secret.slice(6));

    await t.post(t.body());
    const ran = await balagh(["deliveries", "run", "--json"], env);
    expect(JSON.parse(ran.stdout)).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(receiver.received).toEqual([expect.objectContaining({ slug: "mr-child-protection", verified: true })]);

    await t.exec("update delivery_outbox set status = 'dead', last_error = 'HTTP 410'");
    const listed = JSON.parse((await balagh(["deliveries", "list", "--json"], env)).stdout) as Array<
      Record<string, unknown>
    >;
    expect(listed).toEqual([
      expect.objectContaining({ status: "dead", agency: "mr-child-protection", lastError: "HTTP 410" }),
    ]);
    expect(JSON.stringify(listed)).not.toContain("consoleUrl");
  });
});

describe("pnpm start (server/src/node.ts)", () => {
  it("delivers a new tip's webhooks right after its 201, not at the next pass", async () => {
    const dir = mkdtempSync(join(tmpdir(), "balagh-delivery-"));
    const fake = await startFakeHcaptcha();
    const hooks = await startWebhookReceiver();
    const masterKey = generateMasterKey();
    const databaseUrl = `file:${join(dir, "balagh.db")}`;
    const server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      BALAGH_MASTER_KEY: masterKey,
      HCAPTCHA_VERIFY_URL: fake.url,
    }).catch(async (error) => {
      await Promise.all([fake.close(), hooks.close()]);
      rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    const { client } = await openDatabase(databaseUrl);
    try {
      await setWebhooks(client, await deriveKeys(masterKey), hooks);
      const body = submission({ provider: "hcaptcha", response: fake.issue() }, validTip());
      const response = await fetch(`${server.url}/api/v1/tips`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      const answeredAt = Date.now();
      await expect.poll(() => hooks.received.length, { timeout: 3_000, interval: 50 }).toBeGreaterThan(0);
      expect(Date.now() - answeredAt).toBeLessThan(3_000);
      expect(hooks.received.every((r) => r.verified)).toBe(true);
    } finally {
      client.close();
      await server.stop();
      await Promise.all([fake.close(), hooks.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
