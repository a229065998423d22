import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { applyD1Migrations, type D1Target, openD1, REPO_ROOT, WRANGLER, wranglerEnv } from "../src/cli/d1.js";
import { partners } from "../src/db/schema.js";
import { demoPartnerSite } from "../src/demo/partner-site.js";
import { loadDeployment } from "../src/deployments/index.js";
import { seedDeployment } from "../src/deployments/seed.js";

export const D1_NAME = "balagh";

export type EdgeOptions = {
  /** Wrangler's local state (D1 included), the demo master key and the env file live here. */
  dir: string;
  port: number;
  demoPort: number;
  inspectorPort: number;
  /** More variables for the Worker (tests point hCaptcha at a local fake). */
  vars?: Record<string, string>;
  /** Exposes /__scheduled, which runs the cron handler once (tests). */
  testScheduled?: boolean;
  log?: (line: string) => void;
};

/** Generated once per state folder and kept beside it, as `pnpm start` keeps data/master.key. */
const demoMasterKey = (dir: string) => {
  const path = join(dir, "master.key");
  if (!existsSync(path)) writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  return readFileSync(path, "utf8").trim();
};

const envFile = (path: string, vars: Record<string, string>) =>
  writeFileSync(
    path,
    Object.entries(vars)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}\n`)
      .join(""),
    { mode: 0o600 },
  );

/** The demo deployment, through the same path as `pnpm balagh seed mauritania --d1 balagh`, when D1 is empty. */
const seedDemo = async (target: D1Target, demoPartnerOrigin: string) => {
  const { db, flush } = openD1(target);
  if ((await db.select({ id: partners.id }).from(partners).limit(1)).length > 0) return false;
  await seedDeployment(db, loadDeployment("mauritania"), { demoPartnerOrigin });
  await flush();
  return true;
};

const waitForHealth = async (url: string, child: ChildProcess, output: () => string) => {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    const response = await fetch(`${url}/healthz`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * The Worker under workerd as `wrangler dev` runs it, on a local D1 migrated by `wrangler d1 migrations apply`
 * and seeded with the demo deployment, and the demo partner page on another origin: what `pnpm edge` serves.
 */
export const startEdge = async (options: EdgeOptions) => {
  const log = options.log ?? (() => {});
  const state = join(options.dir, "state");
  mkdirSync(state, { recursive: true });
  const url = `http://localhost:${options.port}`;
  const demoUrl = `http://127.0.0.1:${options.demoPort}`;
  const target: D1Target = { name: D1_NAME, remote: false, persistTo: state };
  await applyD1Migrations(target);
  if (await seedDemo(target, demoUrl)) log("Seeded the Mauritania demo deployment into the local D1.");
  const vars = join(options.dir, "dev.vars");
  // Development mode as `pnpm start` has it: hCaptcha's test keys, the demo partner, webhooks to this machine.
  envFile(vars, {
    BALAGH_ENV: "development",
    BALAGH_MASTER_KEY: demoMasterKey(options.dir),
    PUBLIC_URL: url,
    ...options.vars,
  });
  let output = "";
  const child = spawn(
    WRANGLER,
    [
      "dev",
      "--local",
      "--ip",
      "127.0.0.1",
      "--port",
      String(options.port),
      "--inspector-port",
      String(options.inspectorPort),
      "--persist-to",
      state,
      "--env-file",
      vars,
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
      ...(options.testScheduled ? ["--test-scheduled"] : []),
    ],
    {
      cwd: REPO_ROOT,
      env: wranglerEnv({ WRANGLER_LOG_PATH: join(options.dir, "logs"), CI: "true" }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
  const site = serve({ fetch: demoPartnerSite(url).fetch, port: options.demoPort, hostname: "127.0.0.1" });
  const stop = async () => {
    site.close();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, demoUrl, target, output: () => output, stop };
};

export type Edge = Awaited<ReturnType<typeof startEdge>>;
