import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRANGLER = join(ROOT, "tests/node_modules/.bin/wrangler");
const MIGRATIONS = join(ROOT, "server/src/db/migrations");
const PARTNER = "edge-partner";
const ORIGIN = "http://hotline.test";

/** Reads one top-level setting; the values used here (a string, a list of strings) are valid JSON as well as TOML. */
const wranglerSetting = async (key: string): Promise<unknown> => {
  const toml = await readFile(join(ROOT, "wrangler.toml"), "utf8");
  const value = toml.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, "m"))?.[1];
  return value === undefined ? undefined : JSON.parse(value.replace(/#.*$/, ""));
};

/** The bundle `wrangler deploy` would upload, built offline. */
const bundle = async (dir: string) => {
  const outdir = join(dir, "bundle");
  await promisify(execFile)(WRANGLER, ["deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    env: {
      ...process.env,
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_LOG_PATH: join(dir, "logs"),
      CI: "true",
    },
  });
  return join(outdir, "worker.js");
};

const migrateAndSeed = async (mf: Miniflare) => {
  const db = await mf.getD1Database("DB");
  const files = (await readdir(MIGRATIONS)).filter((name) => name.endsWith(".sql")).sort();
  for (const file of files) {
    const sql = await readFile(join(MIGRATIONS, file), "utf8");
    const statements = sql.split("--> statement-breakpoint").map((statement) => statement.trim());
    await db.batch(statements.filter(Boolean).map((statement) => db.prepare(statement)));
  }
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
};

// Miniflare types its Fetcher with @cloudflare/workers-types, which is not installed here.
type ScheduledFetcher = { scheduled(options: { cron: string }): Promise<{ outcome: string }> };

let dir: string;
let worker: Miniflare;
let unconfigured: Miniflare;
const unconfiguredLogs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "balagh-edge-"));
  const scriptPath = await bundle(dir);
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
  worker = new Miniflare({ ...runtime, bindings: { ...vars, BALAGH_MASTER_KEY: randomBytes(32).toString("base64") } });
  unconfigured = new Miniflare({
    ...runtime,
    bindings: vars,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => unconfiguredLogs.push(String(chunk)));
    },
  });
  await Promise.all([worker.ready, unconfigured.ready]);
  await migrateAndSeed(worker);
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
});
