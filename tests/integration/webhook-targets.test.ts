import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setAgencyWebhook } from "../../server/src/cli/agencies.js";
import { UsageError } from "../../server/src/cli/context.js";
import { MAX_ATTEMPTS } from "../../server/src/delivery/backoff.js";
import { type DeliveryOptions, runDeliveries } from "../../server/src/delivery/dispatcher.js";
import { WebhookAddressRefused } from "../../server/src/delivery/webhook-address.js";
import { createWebhookFetch, type Resolve } from "../../server/src/node/webhook-fetch.js";
import { runBalagh } from "../fixtures/balagh-cli.js";
import { outboxRows, setWebhooks, setWebhookUrl, submitTip } from "../fixtures/deliveries.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { startWebhookReceiver, type WebhookReceiver } from "../fixtures/webhook-receiver.js";

/** This test's DNS: only the names given, nothing real. */
const fakeDns = (names: Record<string, string[]>) => {
  const asked: string[] = [];
  const resolve: Resolve = async (hostname) => {
    asked.push(hostname);
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error(`${hostname} is not in this test's DNS`), { code: "ENOTFOUND" });
    return addresses;
  };
  return { resolve, asked };
};

/** Why the request was refused as an inside address, or what happened instead. */
const outcomeOf = async (request: Promise<Response>): Promise<string> => {
  try {
    const response = await request;
    return `answered ${response.status}`;
  } catch (error) {
    const refused = [error, (error as Error).cause].find((e) => e instanceof WebhookAddressRefused);
    return refused ? `refused: ${(refused as Error).message}` : `failed: ${String((error as Error).cause ?? error)}`;
  }
};

// The literal addresses issue 7 names. Loopback first: with the check broken, a test stops at the first
// (local) connection and never sends anything towards a private network or a metadata service.
const insideLiterals = (port: number) => [
  `127.0.0.1:${port}`,
  `[::ffff:127.0.0.1]:${port}`,
  `[::1]:${port}`,
  `10.0.0.7:${port}`,
  `169.254.169.254:${port}`,
  `[fd00::1]:${port}`,
];

let receiver: WebhookReceiver;

describe("the Node webhook fetch", () => {
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  const post = (send: typeof fetch, url: string) =>
    send(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(2_000) });

  it("refuses a name that resolves to 127.0.0.1 unless private targets are allowed (development)", async () => {
    const dns = fakeDns({ localtest: ["127.0.0.1"] });
    const url = `http://localtest:${receiver.port}/hooks/x`;

    const production = createWebhookFetch({ allowPrivate: false, resolve: dns.resolve });
    expect(await outcomeOf(post(production, url))).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    expect(receiver.received).toHaveLength(0);

    const development = createWebhookFetch({ allowPrivate: true, resolve: dns.resolve });
    expect(await outcomeOf(post(development, url))).toBe("answered 500");
    expect(receiver.received).toHaveLength(1);
    expect(dns.asked).toEqual(["localtest", "localtest"]);
  });

  it("refuses a name when any of its addresses is inside, even listed after a public one", async () => {
    const dns = fakeDns({ "mixed.example": ["127.0.0.1", "8.8.8.8"] });
    const production = createWebhookFetch({ allowPrivate: false, resolve: dns.resolve });
    const outcome = await outcomeOf(post(production, `http://mixed.example:${receiver.port}/hooks/x`));
    expect(outcome).toMatch(/^refused: 127\.0\.0\.1/);
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses literal inside addresses, which are connected to without a lookup", async () => {
    const dns = fakeDns({});
    const production = createWebhookFetch({ allowPrivate: false, resolve: dns.resolve });
    for (const host of insideLiterals(receiver.port)) {
      expect(await outcomeOf(post(production, `http://${host}/hooks/x`)), host).toMatch(/^refused: /);
    }
    expect(receiver.received).toHaveLength(0);
    expect(dns.asked).toEqual([]);
  });
});

describe("deliveries to inside addresses", () => {
  let t: TestApp;
  let clock: Date;
  const logs: string[] = [];
  const SLUG = "mr-child-protection";

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

  const pass = (options: DeliveryOptions) =>
    runDeliveries({ db: t.db, keys: t.keys, log: (line) => logs.push(line) }, { now: () => clock, ...options });
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
    vi.setSystemTime(clock);
  };
  /**
   * A transport with no address check of its own, as on Workers, so only the dispatcher's check stands in the
   * way. It answers 204 without any network, so nothing leaves this machine even if that check is broken.
   */
  const recordingFetch = () => {
    const urls: string[] = [];
    const send: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(null, { status: 204 });
    };
    return { send, urls };
  };

  it("production refuses a name resolving to 127.0.0.1 as a failed attempt; development delivers it", async () => {
    const dns = fakeDns({ localtest: ["127.0.0.1"] });
    await setWebhooks(t.client, t.keys, receiver, { slugs: [SLUG], origin: `https://localtest:${receiver.port}` });
    await submitTip(t);

    const refused = await pass({
      production: true,
      fetch: createWebhookFetch({ allowPrivate: false, resolve: dns.resolve }),
    });
    expect(refused).toEqual({ claimed: 1, delivered: 0, retried: 1, dead: 0 });
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row?.last_error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    expect(Number(row?.next_attempt_at)).toBeGreaterThan(clock.getTime());
    expect(receiver.received).toHaveLength(0);

    await setWebhookUrl(t, SLUG, receiver.url(SLUG, `http://localtest:${receiver.port}`));
    advance(60 * 60_000);
    const delivered = await pass({
      production: false,
      fetch: createWebhookFetch({ allowPrivate: true, resolve: dns.resolve }),
    });
    expect(delivered).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received).toEqual([expect.objectContaining({ slug: SLUG, verified: true })]);
  });

  it("production refuses literal inside addresses stored in the database, before any fetch", async () => {
    await setWebhooks(t.client, t.keys, receiver, { slugs: [SLUG] });
    await submitTip(t);
    const transport = recordingFetch();
    for (const host of insideLiterals(receiver.port)) {
      await setWebhookUrl(t, SLUG, `https://${host}/hooks/${SLUG}`);
      expect(await pass({ production: true, fetch: transport.send }), host).toMatchObject({ claimed: 1, retried: 1 });
      expect((await outboxRows(t))[0]?.last_error, host).toMatch(
        /^refused: in production a webhook cannot point inside/,
      );
      advance(5 * 60 * 60_000);
    }
    expect(transport.urls).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });

  it("keeps refusing on every retry until the delivery is dead, and says why", async () => {
    await setWebhooks(t.client, t.keys, receiver, { slugs: [SLUG], origin: "https://169.254.169.254" });
    await submitTip(t);
    const transport = recordingFetch();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await pass({ production: true, fetch: transport.send });
      advance(5 * 60 * 60_000);
    }
    expect(transport.urls).toEqual([]);
    expect(await outboxRows(t)).toEqual([
      expect.objectContaining({
        status: "dead",
        attempts: MAX_ATTEMPTS,
        last_error: expect.stringMatching(/^refused:/),
      }),
    ]);
    expect(logs.join("\n")).toMatch(/dead after 15 attempts: refused: .*169\.254\.169\.254 is a link-local address/);
  });

  it("set-webhook refuses inside and plain-http URLs in production; a name that rebinds inside is refused when sent", async () => {
    const env = {
      BALAGH_ENV: "production",
      DATABASE_URL: `file:${t.databaseFile}`,
      BALAGH_MASTER_KEY: t.masterKey,
      PUBLIC_URL: "https://hotline.example",
      ALTCHA_HMAC_KEY: "a-test-altcha-key-of-some-length",
    };
    const literal = await runBalagh(
      ["agencies", "set-webhook", "--agency", SLUG, "--url", "https://169.254.169.254/latest/meta-data/"],
      env,
    );
    expect(literal.code).toBe(2);
    expect(literal.stderr).toMatch(/cannot point inside the hotline's networks: 169\.254\.169\.254 is a link-local/);
    const plain = await runBalagh(
      ["agencies", "set-webhook", "--agency", SLUG, "--url", "http://agency.example/"],
      env,
    );
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/in production a webhook URL must use https/);

    const ctx = {
      db: t.db,
      keys: async () => t.keys,
      io: { out: () => {}, err: () => {}, tty: false },
      close: () => {},
    };
    for (const host of [...insideLiterals(443), "localhost"]) {
      const set = setAgencyWebhook({ ...ctx, production: true }, { agency: SLUG, url: `https://${host}/hook` });
      await expect(set, host).rejects.toThrow(UsageError);
      await expect(set, host).rejects.toThrow(/cannot point inside/);
    }

    const rebinding = `https://agency.example:${receiver.port}/hooks/${SLUG}`;
    const accepted = await runBalagh(["agencies", "set-webhook", "--agency", SLUG, "--url", rebinding, "--json"], env);
    expect(accepted.code).toBe(0);
    receiver.secrets.set(SLUG, JSON.parse(accepted.stdout).secret);
    await submitTip(t);
    const dns = fakeDns({ "agency.example": ["127.0.0.1"] });
    const sent = await pass({
      production: true,
      fetch: createWebhookFetch({ allowPrivate: false, resolve: dns.resolve }),
    });
    expect(sent).toMatchObject({ claimed: 1, retried: 1 });
    expect((await outboxRows(t))[0]?.last_error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    expect(dns.asked).toEqual(["agency.example"]);
    expect(receiver.received).toHaveLength(0);
  });
});
