import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DeliveryOptions, runDeliveries } from "../../server/src/delivery/dispatcher.js";
import { openDatabase } from "../../server/src/node/database.js";
import { runBalagh } from "../fixtures/balagh-cli.js";
import { outboxRows, setWebhooks, submitTip } from "../fixtures/deliveries.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { startWebhookReceiver, verifiesWith, type WebhookReceiver } from "../fixtures/webhook-receiver.js";

const SLUG = "mr-child-protection";
const TIMEOUT_MS = 500;

let t: TestApp;
let receiver: WebhookReceiver;
let clock: Date;

const setClock = (at: number) => {
  clock = new Date(at);
  vi.setSystemTime(clock);
};
// The receiver listens on 127.0.0.1 over plain HTTP, which only development's webhook policy allows.
const pass = (options: DeliveryOptions = {}) =>
  runDeliveries({ db: t.db, keys: t.keys }, { now: () => clock, timeoutMs: TIMEOUT_MS, production: false, ...options });

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  setClock(Date.now());
  t = await createTestApp();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  await receiver.close();
  await t.close();
});

describe("a dispatcher that dies holding a delivery", () => {
  it("leaves it to the next pass once its lease expires, not before, and it is delivered once with the same webhook-id", async () => {
    await setWebhooks(t.client, t.keys, receiver, { slugs: [SLUG] });
    await submitTip(t);
    const [queued] = await outboxRows(t);
    const claimedAt = clock.getTime();

    // Another process claims the row and starts sending, then dies before a byte leaves: nothing is ever recorded.
    const doomed = await openDatabase(`file:${t.databaseFile}`);
    const attempted: string[] = [];
    let sendStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      sendStarted = resolve;
    });
    const diesWhileSending: typeof fetch = (_url, init) => {
      attempted.push(new Headers(init?.headers).get("webhook-id") ?? "");
      sendStarted();
      return new Promise<Response>(() => {});
    };
    void runDeliveries(
      { db: doomed.db, keys: t.keys },
      { now: () => clock, timeoutMs: TIMEOUT_MS, fetch: diesWhileSending, production: false },
    );
    await started;
    doomed.client.close();

    const [held] = await outboxRows(t);
    expect(held).toMatchObject({ id: queued?.id, status: "pending", attempts: 1 });
    const leaseEnds = Number(held?.next_attempt_at);
    // The lease must outlast the dead pass's own send, or a slow but live send would be raced.
    expect(leaseEnds).toBeGreaterThan(claimedAt + TIMEOUT_MS);

    setClock(claimedAt + TIMEOUT_MS);
    expect(await pass()).toMatchObject({ claimed: 0 });
    setClock(leaseEnds - 1);
    expect(await pass()).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(0);

    setClock(leaseEnds);
    expect(await pass()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0 });
    setClock(leaseEnds + 24 * 60 * 60_000);
    expect(await pass()).toMatchObject({ claimed: 0 });

    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([queued?.id]);
    expect(attempted).toEqual([queued?.id]);
    expect(receiver.received[0]?.verified).toBe(true);
    expect(await outboxRows(t)).toEqual([expect.objectContaining({ status: "delivered", attempts: 2 })]);
  });
});

describe("deliveries waiting when the webhook secret is rotated", () => {
  it("are signed with the secret in force when sent: the new one verifies them, the old one does not", async () => {
    await setWebhooks(t.client, t.keys, receiver, { slugs: [SLUG] });
    const oldSecret = receiver.secrets.get(SLUG) as string;
    await submitTip(t);
    receiver.answers.push("fail");
    expect(await pass()).toMatchObject({ claimed: 1, retried: 1 });
    expect(receiver.received[0]?.verified).toBe(true);
    await submitTip(t);
    expect((await outboxRows(t)).filter((row) => row.status === "pending")).toHaveLength(2);

    const rotated = await runBalagh(
      ["agencies", "set-webhook", "--agency", SLUG, "--url", receiver.url(SLUG), "--json"],
      { DATABASE_URL: `file:${t.databaseFile}`, BALAGH_MASTER_KEY: t.masterKey },
    );
    expect(rotated.code).toBe(0);
    const newSecret = JSON.parse(rotated.stdout).secret as string;
    expect(newSecret).not.toBe(oldSecret);
    receiver.secrets.set(SLUG, newSecret);

    setClock(clock.getTime() + 60 * 60_000);
    expect(await pass()).toMatchObject({ claimed: 2, delivered: 2 });
    const afterRotation = receiver.received.slice(1);
    expect(afterRotation).toHaveLength(2);
    for (const request of afterRotation) {
      expect(verifiesWith(newSecret, request)).toBe(true);
      expect(verifiesWith(oldSecret, request)).toBe(false);
    }
    expect((await outboxRows(t)).every((row) => row.status === "delivered")).toBe(true);
  });
});
