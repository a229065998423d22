import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { Miniflare, type Request as MiniflareRequest, Response as MiniflareResponse } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWebhookSecret, sealWebhookSecret } from "../../server/src/delivery/secrets.js";
import { deriveKeys } from "../../server/src/security/keys.js";
import { submission, validTip } from "../fixtures/tips.js";
import { verifiesWith } from "../fixtures/webhook-receiver.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRANGLER = join(ROOT, "tests/node_modules/.bin/wrangler");
const PARTNER = "edge-partner";
const ORIGIN = "http://hotline.test";
const MASTER_KEY = randomBytes(32).toString("base64");

// A public-looking agency the Worker delivers to (answered by the outbound handler below, no network), and one
// whose webhook is a cloud metadata address, which the dispatcher must refuse before any fetch.
const AGENCIES = [
  {
    slug: "edge-authority",
    kind: "national_authority",
    fallback: true,
    url: "https://authority.agency.test/hooks/edge-authority",
  },
  {
    slug: "edge-child-protection",
    kind: "child_protection",
    fallback: false,
    url: "https://169.254.169.254/latest/meta-data/",
  },
];

/** Reads one setting by name; the values used here (a string, a list of strings) are valid JSON as well as TOML. */
const wranglerSetting = async (key: string): Promise<unknown> => {
  const toml = await readFile(join(ROOT, "wrangler.toml"), "utf8");
  const value = toml.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, "m"))?.[1];
  return value === undefined ? undefined : JSON.parse(value.replace(/#.*$/, ""));
};

const wrangler = (dir: string, args: string[]) =>
  promisify(execFile)(WRANGLER, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_LOG_PATH: join(dir, "logs"),
      CI: "true",
    },
  });

/** The bundle `wrangler deploy` would upload, built offline. */
const bundle = async (dir: string) => {
  const outdir = join(dir, "bundle");
  await wrangler(dir, ["deploy", "--dry-run", "--outdir", outdir]);
  return join(outdir, "worker.js");
};

/** The committed migrations, applied by wrangler as the README tells operators (there with --remote). */
const migrate = async (dir: string) => {
  const persistTo = join(dir, "state");
  const name = (await wranglerSetting("database_name")) as string;
  await wrangler(dir, ["d1", "migrations", "apply", name, "--local", "--persist-to", persistTo]);
  // Where wrangler keeps a local D1 under --persist-to, and the id it files that database under.
  return { d1Persist: join(persistTo, "v3", "d1"), databaseId: (await wranglerSetting("database_id")) as string };
};

const seed = async (mf: Miniflare) => {
  const db = await mf.getD1Database("DB");
  await db
    .prepare(
      `insert into partners (id, key, name, allowed_origins, languages, default_language, countries, default_country,
        captcha_providers, exit_url, theme) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      crypto.randomUUID(),
      PARTNER,
      "Edge partner",
      JSON.stringify(["https://partner.test"]),
      JSON.stringify(["fr", "ar"]),
      "fr",
      JSON.stringify(["MR"]),
      "MR",
      JSON.stringify(["altcha"]),
      "https://www.wikipedia.org/",
      JSON.stringify({}),
    )
    .run();
  const keys = await deriveKeys(MASTER_KEY);
  const secrets = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const agency of AGENCIES) {
    const id = crypto.randomUUID();
    ids.set(agency.slug, id);
    const secret = generateWebhookSecret();
    secrets.set(agency.slug, secret);
    await db
      .prepare(
        `insert into agencies (id, slug, name, kind, country, webhook_url, webhook_secret_sealed, is_fallback)
          values (?, ?, ?, ?, 'MR', ?, ?, ?)`,
      )
      .bind(
        id,
        agency.slug,
        agency.slug,
        agency.kind,
        agency.url,
        await sealWebhookSecret(keys, id, secret),
        agency.fallback ? 1 : 0,
      )
      .run();
  }
  // A child's tip goes to child protection (routing's invariant); this rule keeps the authority informed of every tip.
  await db
    .prepare("insert into routing_rules (id, position, name, conditions, agency_id, role) values (?, 0, ?, '{}', ?, ?)")
    .bind(crypto.randomUUID(), "Every tip: the authority is informed", ids.get("edge-authority"), "notify")
    .run();
  return secrets;
};

type Outbound = { url: string; headers: Record<string, string>; body: string };

// Miniflare types its Fetcher with @cloudflare/workers-types, which is not installed here.
type ScheduledFetcher = { scheduled(options: { cron: string }): Promise<{ outcome: string }> };

let dir: string;
let worker: Miniflare;
let unconfigured: Miniflare;
let webhookSecrets: Map<string, string>;
const unconfiguredLogs: string[] = [];
const outbound: Outbound[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "balagh-edge-"));
  const [scriptPath, database] = await Promise.all([bundle(dir), migrate(dir)]);
  const runtime = {
    modules: true,
    scriptPath,
    // Module names are paths relative to this root, and workerd rejects any that climb out with "..".
    modulesRoot: dirname(scriptPath),
    compatibilityDate: (await wranglerSetting("compatibility_date")) as string,
    compatibilityFlags: ((await wranglerSetting("compatibility_flags")) ?? []) as string[],
    d1Databases: ["DB"],
    cf: false,
  };
  const vars = { BALAGH_ENV: "production", PUBLIC_URL: ORIGIN, ALTCHA_HMAC_KEY: randomBytes(32).toString("hex") };
  worker = new Miniflare({
    ...runtime,
    d1Databases: { DB: database.databaseId },
    d1Persist: database.d1Persist,
    bindings: { ...vars, BALAGH_MASTER_KEY: MASTER_KEY },
    // Every fetch the Worker makes lands here, so nothing leaves the machine.
    outboundService: async (request: MiniflareRequest) => {
      outbound.push({
        url: request.url,
        headers: Object.fromEntries(request.headers.entries()),
        body: await request.text(),
      });
      return new MiniflareResponse(null, { status: 204 });
    },
  });
  unconfigured = new Miniflare({
    ...runtime,
    bindings: vars,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => unconfiguredLogs.push(String(chunk)));
    },
  });
  await Promise.all([worker.ready, unconfigured.ready]);
  webhookSecrets = await seed(worker);
});

afterAll(async () => {
  // A runtime that failed to start rejects on dispose too; the temp folder must go either way.
  await Promise.allSettled([worker?.dispose(), unconfigured?.dispose()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the bundled Worker under workerd", () => {
  it("reaches D1 from /healthz", async () => {
    const response = await worker.dispatchFetch(`${ORIGIN}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("issues a signed ALTCHA challenge with WebCrypto PBKDF2", async () => {
    const response = await worker.dispatchFetch(`${ORIGIN}/api/v1/captcha/altcha?partner=${PARTNER}`);
    expect(response.status).toBe(200);
    const challenge = (await response.json()) as { parameters: { algorithm: string }; signature: string };
    expect(challenge.parameters.algorithm).toBe("PBKDF2/SHA-256");
    expect(challenge.signature).toMatch(/\S/);
  });

  it("serves a partner's config uncached", async () => {
    const response = await worker.dispatchFetch(`${ORIGIN}/api/v1/partners/${PARTNER}/config`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ partner: PARTNER, captcha: { hcaptcha: null } });
  });

  it("purges expired rows on the cron trigger", async () => {
    const db = await worker.getD1Database("DB");
    const insert = db.prepare("insert into spent_captchas (hash, expires_at) values (?, ?)");
    await db.batch([insert.bind("expired", Date.now() - 1_000), insert.bind("live", Date.now() + 600_000)]);
    const fetcher = (await worker.getWorker()) as unknown as ScheduledFetcher;
    const result = await fetcher.scheduled({ cron: "* * * * *" });
    expect(result.outcome).toBe("ok");
    const { results } = await db.prepare("select hash from spent_captchas").all();
    expect(results).toEqual([{ hash: "live" }]);
  });

  it("answers 503 without a stack trace when BALAGH_MASTER_KEY is missing, and logs why", async () => {
    for (const path of ["/healthz", "/api/v1/partners/x/config"]) {
      const response = await unconfigured.dispatchFetch(`${ORIGIN}${path}`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "service_unavailable", message: expect.any(String) } });
      expect(text).not.toMatch(/\bat |Error|BALAGH_MASTER_KEY/);
    }
    await expect.poll(() => unconfiguredLogs.join("")).toContain("Configuration error: BALAGH_MASTER_KEY is required");
    expect(unconfiguredLogs.join("")).not.toMatch(/^\s+at /m);
  });

  it("delivers a new tip's webhook with a signature that verifies with the agency's secret", async () => {
    const challenge = await (await worker.dispatchFetch(`${ORIGIN}/api/v1/captcha/altcha?partner=${PARTNER}`)).json();
    const solution = await solveChallenge({
      challenge: challenge as Parameters<typeof solveChallenge>[0]["challenge"],
      deriveKey,
    });
    const payload = btoa(JSON.stringify({ challenge, solution }));
    const response = await worker.dispatchFetch(`${ORIGIN}/api/v1/tips`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.9" },
      body: JSON.stringify(submission({ provider: "altcha", payload }, validTip(), PARTNER)),
    });
    expect(response.status).toBe(201);

    const db = await worker.getD1Database("DB");
    const settled = async () =>
      await db
        .prepare(
          "select count(*) as n from delivery_outbox where attempts > 0 and (status = 'delivered' or last_error is not null)",
        )
        .first("n");
    await expect.poll(settled, { timeout: 10_000 }).toBe(AGENCIES.length);

    expect(outbound.map((request) => request.url)).toEqual(["https://authority.agency.test/hooks/edge-authority"]);
    const [sent] = outbound;
    expect(verifiesWith(webhookSecrets.get("edge-authority") as string, sent!)).toBe(true);
    expect(verifiesWith(webhookSecrets.get("edge-child-protection") as string, sent!)).toBe(false);
    expect(JSON.parse(sent!.body)).toMatchObject({ type: "tip.routed", tip: { role: "notify" } });

    const { results } = await db
      .prepare(
        "select a.slug, o.status, o.last_error from delivery_outbox o join agencies a on a.id = o.agency_id order by a.slug",
      )
      .all();
    expect(results).toEqual([
      { slug: "edge-authority", status: "delivered", last_error: null },
      {
        slug: "edge-child-protection",
        status: "pending",
        last_error: expect.stringMatching(/^refused: .*169\.254\.169\.254 is a link-local address/),
      },
    ]);
  });
});
