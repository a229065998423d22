import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { generateMasterKey } from "../../server/src/security/keys.js";
import type { FakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { freePort } from "../fixtures/ports.js";
import { REPO_ROOT, startServerProcess, TSX } from "../fixtures/server-process.js";
import { startWorkerUnderMiniflare } from "./worker-under-miniflare.js";

export type CliRun = { code: number; stdout: string; stderr: string };

/** One runtime of the hotline as the contract suite drives it: over HTTP, and through its operator's tools. */
export type Runtime = {
  name: "node" | "workerd";
  /** The hotline's public address (PUBLIC_URL), the Origin its own pages post from. */
  url: string;
  demoUrl: string;
  /** `pnpm balagh …` against this runtime's database (for the Worker: `--d1 balagh` through wrangler). */
  cli: (args: string[], stdin?: string) => Promise<CliRun>;
  /** What runs retries on a timer: the Worker's cron handler (scheduled()), Node's `deliveries run` (its cron). */
  scheduled: () => Promise<void>;
  /** Rows of a read-only query, or a test's own write to the database (bringing a retry's time forward). */
  sql: (query: string) => Promise<Record<string, unknown>[]>;
  output: () => string;
  stop: () => Promise<void>;
};

/** Both runtimes start in development mode: webhooks to this machine, the demo deployment, hCaptcha faked. */
const sharedVars = (fake: FakeHcaptcha) => ({
  HCAPTCHA_VERIFY_URL: fake.url,
  HCAPTCHA_SCRIPT_URL: fake.scriptUrl,
  TIP_RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
});

export const RATE_LIMIT_MAX = 12;

const runCli = async (args: string[], env: Record<string, string>, stdin?: string): Promise<CliRun> => {
  const running = promisify(execFile)(TSX, ["server/src/cli.ts", ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", BALAGH_ENV: "development", ...env },
  });
  running.child.stdin?.end(stdin ?? "");
  try {
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

export const startNodeRuntime = async (fake: FakeHcaptcha): Promise<Runtime> => {
  const dir = mkdtempSync(join(tmpdir(), "balagh-contract-node-"));
  const env = {
    DATABASE_URL: `file:${join(dir, "balagh.db")}`,
    BALAGH_MASTER_KEY: generateMasterKey(),
    ...sharedVars(fake),
  };
  const server = await startServerProcess(env);
  const db = createClient({ url: env.DATABASE_URL });
  return {
    name: "node",
    url: `http://localhost:${server.port}`,
    demoUrl: server.demoUrl,
    cli: (args, stdin) => runCli(args, env, stdin),
    scheduled: async () => {
      const run = await runCli(["deliveries", "run"], env);
      if (run.code !== 0) throw new Error(run.stderr);
    },
    sql: async (query) => (await db.execute(query)).rows.map((row) => ({ ...row })),
    output: server.output,
    stop: async () => {
      db.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const startWorkerRuntime = async (fake: FakeHcaptcha): Promise<Runtime> => {
  const dir = mkdtempSync(join(tmpdir(), "balagh-contract-workerd-"));
  const [port, demoPort] = [await freePort(), await freePort()];
  const edge = await startWorkerUnderMiniflare({ dir, port, demoPort, vars: sharedVars(fake) });
  const db = await edge.worker.getD1Database("DB");
  const env = { BALAGH_MASTER_KEY: edge.masterKey, WRANGLER_LOG_PATH: join(dir, "logs") };
  return {
    name: "workerd",
    url: edge.url,
    demoUrl: edge.demoUrl,
    cli: (args, stdin) => runCli([...args, "--d1", edge.d1.name, "--persist-to", edge.d1.persistTo], env, stdin),
    scheduled: async () => {
      // Miniflare types its Fetcher with @cloudflare/workers-types, which is not installed here.
      const worker = (await edge.worker.getWorker()) as unknown as ScheduledFetcher;
      const result = await worker.scheduled({ cron: "* * * * *" });
      if (result.outcome !== "ok") throw new Error(`scheduled: ${result.outcome}`);
    },
    sql: async (query) => (await db.prepare(query).all<Record<string, unknown>>()).results,
    output: edge.output,
    stop: async () => {
      await edge.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

type ScheduledFetcher = { scheduled(options: { cron: string }): Promise<{ outcome: string }> };
