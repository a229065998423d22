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

/** Generated once per state folder and kept beside it, as `pnpm start` keeps data/master.key. */
const demoMasterKey = (dir: string) => {
  const path = join(dir, "master.key");
  if (!existsSync(path)) writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  return readFileSync(path, "utf8").trim();
};

/** The demo deployment, through the same path as `pnpm balagh seed mauritania --d1 balagh`, when D1 is empty. */
const seedDemo = async (target: D1Target, demoPartnerOrigin: string) => {
  const { db, flush } = openD1(target);
  if ((await db.select({ id: partners.id }).from(partners).limit(1)).length > 0) return false;
  await seedDeployment(db, loadDeployment("mauritania"), { demoPartnerOrigin });
  await flush();
  return true;
};

/**
 * A local D1 under `dir/state` as the README has operators make one (`wrangler d1 migrations apply`), the demo
 * deployment seeded into it, and the demo master key; what both `pnpm edge` and the tests' Worker run on.
 */
export const prepareLocalEdge = async (dir: string, demoPartnerOrigin: string, log = (_line: string) => {}) => {
  const persistTo = join(dir, "state");
  mkdirSync(persistTo, { recursive: true });
  const target: D1Target = { name: D1_NAME, remote: false, persistTo };
  await applyD1Migrations(target);
  if (await seedDemo(target, demoPartnerOrigin)) log("Seeded the Mauritania demo deployment into the local D1.");
  return { target, persistTo, masterKey: demoMasterKey(dir) };
};

/** Development mode as `pnpm start` has it: hCaptcha's test keys, the demo partner, webhooks to this machine. */
export const demoVars = (url: string, masterKey: string) => ({
  BALAGH_ENV: "development",
  BALAGH_MASTER_KEY: masterKey,
  PUBLIC_URL: url,
});

export const serveDemoPartner = (hotlineUrl: string, port: number) =>
  serve({ fetch: demoPartnerSite(hotlineUrl).fetch, port, hostname: "127.0.0.1" });

const envFile = (path: string, vars: Record<string, string>) =>
  writeFileSync(
    path,
    Object.entries(vars)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}\n`)
      .join(""),
    { mode: 0o600 },
  );

const waitForHealth = async (url: string, child: ChildProcess, output: () => string) => {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    const response = await fetch(`${url}/healthz`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

export type EdgeOptions = {
  dir: string;
  port: number;
  demoPort: number;
  inspectorPort: number;
  log?: (line: string) => void;
};

/**
 * `pnpm edge`: the Worker under `wrangler dev` (which rebuilds it when a source changes) on the prepared local D1,
 * and the demo partner page on another origin.
 */
export const startEdge = async (options: EdgeOptions) => {
  const url = `http://localhost:${options.port}`;
  const demoUrl = `http://127.0.0.1:${options.demoPort}`;
  const { persistTo, masterKey } = await prepareLocalEdge(options.dir, demoUrl, options.log);
  const vars = join(options.dir, "dev.vars");
  envFile(vars, demoVars(url, masterKey));
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
      persistTo,
      "--env-file",
      vars,
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    {
      cwd: REPO_ROOT,
      env: wranglerEnv({ WRANGLER_LOG_PATH: join(options.dir, "logs") }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
  const site = serveDemoPartner(url, options.demoPort);
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
  return { url, demoUrl, output: () => output, stop };
};
