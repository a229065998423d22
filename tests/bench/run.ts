/**
 * Intake benchmark: the real server (`server/src/node.ts`) in a child process, on a fresh database
 * in a temp dir, with the fake hCaptcha siteverify; autocannon posts tips to it. Figures are
 * printed and written to tests/bench/results/intake-<timestamp>.json.
 *
 *   pnpm bench                      (BENCH_SECONDS=10 by default; see `config` below for the rest)
 *   BENCH_ONLY=intake pnpm bench    (only this intake bench; BENCH_ONLY=widget: only the widget bench, widget.ts;
 *                                   BENCH_ONLY=console: only the console bench, console.ts, where
 *                                   BENCH_CONSOLE_TIPS=1000000 measures a million tips;
 *                                   BENCH_ONLY=followup: only receipt guessing, followup.ts;
 *                                   BENCH_ONLY=edge: the Worker under workerd beside Node, edge.ts)
 *
 * Exits non-zero only when the bench itself breaks (server did not start, no tip accepted, ...);
 * a missed goal is reported, not fatal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../server/src/node/database.js";
import { type FakeHcaptcha, startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { submission, validTip } from "../fixtures/tips.js";
import { rawInsertBaseline } from "./baseline.js";
import { CONSOLE_BENCH_BUDGET_MS, runConsoleBench } from "./console.js";
import { EDGE_BENCH_BUDGET_MS, runEdgeBench } from "./edge.js";
import { FOLLOWUP_BENCH_BUDGET_MS, runFollowupBench } from "./followup.js";
import { measured, runLoad, stopLoad } from "./load.js";
import { printSummary, writeResults } from "./report.js";
import { freePort, startServer } from "./server.js";
import { ensureWidgetBuild, runWidgetBench, WIDGET_BENCH_BUDGET_MS } from "./widget.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const RESULTS = join(ROOT, "tests/bench/results");
/** The checkout whose server is measured: this one, unless BENCH_SERVER_ROOT names another (e.g. an export of a commit). */
const SERVER_ROOT = resolve(process.env.BENCH_SERVER_ROOT ?? ROOT);

const envNumber = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not '${raw}'`);
  return value;
};

const acceptSeconds = envNumber("BENCH_SECONDS", 10);
const config = {
  connections: envNumber("BENCH_CONNECTIONS", 50),
  acceptSeconds,
  rejectSeconds: envNumber("BENCH_REJECT_SECONDS", Math.max(1, Math.round(acceptSeconds / 2))),
  warmupSeconds: envNumber("BENCH_WARMUP_SECONDS", 2),
  baselineSeconds: envNumber("BENCH_BASELINE_SECONDS", 3),
  startTimeoutMs: envNumber("BENCH_START_TIMEOUT_MS", 30_000),
  /** Extra node flags for the server process, space-separated, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
  serverNodeArgs: (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean),
  serverRoot: SERVER_ROOT,
};
const GOALS = { minRatio: 0.25, maxP99Ms: 25, maxCpuMsAccepted: 1.5, maxCpuMsRefused: 0.3 };
const consoleConfig = {
  tips: envNumber("BENCH_CONSOLE_TIPS", 100_000),
  requests: envNumber("BENCH_CONSOLE_REQUESTS", 300),
};
const ONLY = process.env.BENCH_ONLY?.trim() || "all";
if (!["all", "intake", "widget", "console", "followup", "edge"].includes(ONLY))
  throw new Error(`BENCH_ONLY must be intake, widget, console, followup or edge, not '${ONLY}'`);
const runs = {
  intake: ONLY === "all" || ONLY === "intake",
  widget: ONLY === "all" || ONLY === "widget",
  console: ONLY === "all" || ONLY === "console",
  followup: ONLY === "all" || ONLY === "followup",
  edge: ONLY === "all" || ONLY === "edge",
};

// ---- clean-up, on success, failure, Ctrl-C or a run that overstays ----
const cleanups: Array<() => unknown> = [];
let cleaned: Promise<void> | null = null;
const cleanUp = () => {
  cleaned ??= (async () => {
    stopLoad();
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`clean-up: ${(error as Error).message}`);
      }
    }
  })();
  return cleaned;
};
let aborted = false;
const abort = (why: string) => {
  if (aborted) return; // Ctrl-C reaches this process twice under tsx (the group, then tsx's relay): clean up once.
  aborted = true;
  console.error(`\nbench aborted: ${why}`);
  void cleanUp().then(() => process.exit(1));
};
// `on`, not `once`: a second signal during clean-up must not kill the process before the server is stopped.
process.on("SIGINT", () => abort("interrupted"));
process.on("SIGTERM", () => abort("terminated"));
const budgetMs =
  config.startTimeoutMs +
  (runs.intake
    ? (config.acceptSeconds + config.rejectSeconds + config.warmupSeconds + config.baselineSeconds) * 1000
    : 0) +
  (runs.widget ? WIDGET_BENCH_BUDGET_MS : 0) +
  (runs.console ? CONSOLE_BENCH_BUDGET_MS * Math.max(1, consoleConfig.tips / 1_000_000) : 0) +
  (runs.followup ? FOLLOWUP_BENCH_BUDGET_MS : 0) +
  (runs.edge ? EDGE_BENCH_BUDGET_MS : 0) +
  60_000;
setTimeout(() => abort(`still running after ${budgetMs / 1000} s`), budgetMs).unref();

// ---- the steps ----
const tipBody = (fake: FakeHcaptcha) => () =>
  JSON.stringify(submission({ provider: "hcaptcha", response: fake.issue() }, validTip()));
const INVALID_BODY = JSON.stringify(
  submission({ provider: "hcaptcha", response: "P1_not-a-token-the-fake-issued" }, validTip()),
);

const cpuGoal = (name: string, value: number | null | undefined, max: number) =>
  value === null || value === undefined ? {} : { [name]: { goal: `<= ${max}`, value, met: value <= max } };

const storedTips = async (databaseUrl: string) => {
  const { client } = await openDatabase(databaseUrl);
  try {
    const { rows } = await client.execute("select count(*) as n from tips");
    return Number(rows[0]?.n);
  } finally {
    client.close();
  }
};

const main = async () => {
  // In-process and on its own database: done before the intake server starts, so neither measures the other.
  if (runs.console) {
    const file = await runConsoleBench({
      ...consoleConfig,
      resultsFolder: RESULTS,
      onCleanup: (step) => cleanups.push(step),
    });
    console.log(`\nWrote ${relative(ROOT, file)}\n`);
  }
  // Its own server and database, stopped before the intake server starts.
  if (runs.followup) {
    const file = await runFollowupBench({
      serverRoot: SERVER_ROOT,
      resultsFolder: RESULTS,
      seconds: config.acceptSeconds,
      connections: config.connections,
      guessers: envNumber("BENCH_FOLLOWUP_GUESSERS", 1_000),
      onCleanup: (step) => cleanups.push(step),
    });
    console.log(`\nWrote ${relative(ROOT, file)}\n`);
  }
  // The Worker and a Node server of its own, both stopped before the intake server starts.
  if (runs.edge) {
    const file = await runEdgeBench({
      resultsFolder: RESULTS,
      seconds: config.acceptSeconds,
      connections: config.connections,
      onCleanup: (step) => cleanups.push(step),
    });
    console.log(`\nWrote ${relative(ROOT, file)}\n`);
  }
  if (!runs.intake && !runs.widget) return;
  const tmp = mkdtempSync(join(tmpdir(), "balagh-bench-"));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const fake = await startFakeHcaptcha();
  cleanups.push(() => fake.close());

  const port = await freePort();
  let demoPort = await freePort();
  while (demoPort === port) demoPort = await freePort();
  const databaseUrl = `file:${join(tmp, "balagh.db")}`;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(BALAGH_|HCAPTCHA_|ALTCHA_|TIP_RATE_|DATABASE_|PUBLIC_URL$|TRUST_PROXY$)/.test(key))
      env[key] = value;
  }
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO_PARTNER_PORT: String(demoPort),
    DATABASE_URL: databaseUrl,
    HCAPTCHA_VERIFY_URL: fake.url,
    TIP_RATE_LIMIT_MAX: "1000000000",
    BALAGH_ENV: "development",
  });

  // The server reads the widget's build once, at start.
  if (runs.widget) ensureWidgetBuild(SERVER_ROOT);
  console.log(`Starting the server on port ${port} (database in ${tmp}) ...`);
  const server = await startServer({
    root: SERVER_ROOT,
    env,
    port,
    startTimeoutMs: config.startTimeoutMs,
    nodeArgs: config.serverNodeArgs,
  });
  cleanups.push(() => server.stop());

  // The widget first: its browser is closed before the intake load starts.
  if (runs.widget) {
    await runWidgetBench({
      serverRoot: SERVER_ROOT,
      partnerUrl: `http://127.0.0.1:${demoPort}/`,
      resultsFolder: RESULTS,
      onCleanup: (step) => cleanups.push(step),
    });
  }
  if (!runs.intake || aborted) return;

  console.log(`Raw insert baseline (${config.baselineSeconds} s) ...`);
  const baseline = await rawInsertBaseline(`file:${join(tmp, "raw.db")}`, config.baselineSeconds);

  const load = { url: server.url, path: "/api/v1/tips", connections: config.connections };
  console.log(`Warm-up (${config.warmupSeconds} s, 10 connections, not counted) ...`);
  const warmup = await runLoad({ ...load, connections: 10, seconds: config.warmupSeconds, body: tipBody(fake) });

  if (warmup.ok === 0) {
    throw new Error(
      `no tip was accepted during the warm-up (status codes: ${JSON.stringify(warmup.statusCodes)}):\n${server.output()}`,
    );
  }

  console.log(`Accepted tips (${config.acceptSeconds} s, ${config.connections} connections) ...`);
  const accepted = await measured(server, () =>
    runLoad({ ...load, seconds: config.acceptSeconds, body: tipBody(fake) }),
  );
  if (accepted.ok === 0) {
    throw new Error(`no tip was accepted (status codes: ${JSON.stringify(accepted.statusCodes)}):\n${server.output()}`);
  }
  if (server.ended() !== null)
    throw new Error(`the server stopped during the run (${server.ended()}):\n${server.output()}`);
  const stored = await storedTips(databaseUrl);

  console.log(`Rejected requests, invalid captcha (${config.rejectSeconds} s, ${config.connections} connections) ...`);
  const rejected = await measured(server, () =>
    runLoad({ ...load, seconds: config.rejectSeconds, body: () => INVALID_BODY }),
  );
  const rejected403 = rejected.statusCodes["403"] ?? 0;
  if (rejected403 === 0 || server.ended() !== null) {
    const codes = JSON.stringify(rejected.statusCodes);
    throw new Error(`no 403 for a bad captcha, or the server stopped (status codes: ${codes}):\n${server.output()}`);
  }

  // A client over its limit: the same server code restarted with a limit of one tip, so every request is refused before its captcha.
  await server.stop();
  const limitedServer = await startServer({
    root: SERVER_ROOT,
    env: { ...env, TIP_RATE_LIMIT_MAX: "1" },
    port,
    startTimeoutMs: config.startTimeoutMs,
    nodeArgs: config.serverNodeArgs,
  });
  cleanups.push(() => limitedServer.stop());
  await runLoad({ ...load, connections: 10, seconds: config.warmupSeconds, body: tipBody(fake) });
  console.log(`Rate-limited requests (${config.rejectSeconds} s, ${config.connections} connections) ...`);
  const limited = await measured(limitedServer, () =>
    runLoad({ ...load, seconds: config.rejectSeconds, body: tipBody(fake) }),
  );
  const limited429 = limited.statusCodes["429"] ?? 0;
  if (limited429 === 0) throw new Error(`no 429 from a client over its limit:\n${limitedServer.output()}`);

  const ratio = Math.round((accepted.perSecond.ok / baseline.rowsPerSecond) * 1000) / 1000;
  const p99 = accepted.latencyMs.ok?.p99 ?? Number.NaN;
  const goals = {
    ratio: { goal: `>= ${GOALS.minRatio}`, value: ratio, met: ratio >= GOALS.minRatio },
    p99Ms: { goal: `<= ${GOALS.maxP99Ms}`, value: p99, met: p99 <= GOALS.maxP99Ms },
    ...cpuGoal("cpuMsPerTip", accepted.server.cpuMsPerRequest, GOALS.maxCpuMsAccepted),
    ...cpuGoal("cpuMsPerRefusedCaptcha", rejected.server.cpuMsPerRequest, GOALS.maxCpuMsRefused),
    ...cpuGoal("cpuMsPerRateLimited", limited.server.cpuMsPerRequest, GOALS.maxCpuMsRefused),
  };
  const cpuMs = accepted.server.cpuMsPerRequest;
  const analysis = {
    tipsPerSecondForRatioGoal: Math.ceil(GOALS.minRatio * baseline.rowsPerSecond),
    cpuBoundTipsPerSecond: cpuMs ? Math.round(1000 / cpuMs) : null,
    closedLoopMeanMs: Math.round((config.connections / accepted.perSecond.ok) * 1000),
  };
  const rejectedPerSecond = Math.round((rejected403 / rejected.seconds) * 10) / 10;

  if (aborted) return; // a phase cut short by Ctrl-C: no figures
  printSummary({
    config,
    accepted,
    rejected,
    rejected403,
    rejectedPerSecond,
    limited,
    baseline,
    warmup,
    stored,
    goals,
    analysis,
  });

  const file = writeResults(RESULTS, new Date(), {
    config,
    goals,
    ratio,
    analysis,
    accepted,
    rejected: { ...rejected, rejected403, rejectedPerSecond },
    rateLimited: limited,
    baseline,
    warmup: { seconds: warmup.seconds, ok: warmup.ok, non2xx: warmup.non2xx },
    storedTips: stored,
  });
  console.log(`\nWrote ${relative(ROOT, file)}`);
};

try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
