/**
 * Edge bench (BENCH_ONLY=edge): the Worker bundle's gzip size (goal <= 500 KB), its start-up under workerd,
 * accepted tips per second through the Worker on a local D1 beside the Node server's figure in the same run,
 * and what one password check costs under workerd against Workers' CPU limits.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { WRANGLER, wranglerEnv } from "../../server/src/cli/d1.js";
import { generateMasterKey } from "../../server/src/security/keys.js";
import { startWorkerUnderMiniflare, wranglerSetting } from "../edge/worker-under-miniflare.js";
import { type FakeHcaptcha, startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { freePort } from "../fixtures/ports.js";
import { startServerProcess } from "../fixtures/server-process.js";
import { submission, validTip } from "../fixtures/tips.js";
import { runLoad } from "./load.js";
import { formatTable, writeResults } from "./report.js";

export const EDGE_BENCH_BUDGET_MS = 10 * 60_000;
const BUNDLE_GOAL_BYTES = 500 * 1024;
/** Workers' CPU time per request: the Free plan's, and the Paid plan's default (raisable to 5 minutes). */
const WORKERS_CPU_LIMITS_MS = { free: 10, paidDefault: 30_000 };

type Options = {
  resultsFolder: string;
  seconds: number;
  connections: number;
  onCleanup: (step: () => unknown) => void;
};

const tipBody = (fake: FakeHcaptcha) => () =>
  JSON.stringify(submission({ provider: "hcaptcha", response: fake.issue() }, validTip()));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Wall time of a request from here; workerd runs one request's JavaScript on one thread, so with no I/O it is CPU time. */
const timed = async (url: string) => {
  const started = performance.now();
  const response = await fetch(url);
  await response.text();
  return performance.now() - started;
};

/** One password check and one new hash, in a Worker of their own under workerd (median of 5, less an empty request). */
const passwordUnderWorkerd = async (dir: string) => {
  // Bundled by wrangler as it bundles the Worker, from a folder without a wrangler.toml.
  const outdir = join(dir, "password-worker");
  const entry = fileURLToPath(new URL("./edge-password-worker.ts", import.meta.url));
  const date = wranglerSetting("compatibility_date") as string;
  await promisify(execFile)(
    WRANGLER,
    ["deploy", entry, "--name", "password", "--compatibility-date", date, "--dry-run", "--outdir", outdir],
    {
      cwd: dir,
      env: wranglerEnv({ WRANGLER_LOG_PATH: join(dir, "logs"), CI: "true" }),
    },
  );
  const outfile = join(outdir, "edge-password-worker.js");
  const port = await freePort();
  const worker = new Miniflare({
    modules: true,
    scriptPath: outfile,
    modulesRoot: dirname(outfile),
    compatibilityDate: date,
    host: "127.0.0.1",
    port,
  });
  try {
    const url = (await worker.ready).href.replace(/\/$/, "");
    await timed(`${url}/verify`);
    const [empty, verify, hash] = [[], [], []] as number[][];
    for (let i = 0; i < 5; i++) {
      empty?.push(await timed(`${url}/`));
      verify?.push(await timed(`${url}/verify`));
      hash?.push(await timed(`${url}/hash`));
    }
    const base = median(empty ?? []);
    return {
      verifyMs: Math.round(median(verify ?? []) - base),
      hashMs: Math.round(median(hash ?? []) - base),
    };
  } finally {
    await worker.dispose();
  }
};

export const runEdgeBench = async ({ resultsFolder, seconds, connections, onCleanup }: Options) => {
  const dir = mkdtempSync(join(tmpdir(), "balagh-bench-edge-"));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const fake = await startFakeHcaptcha();
  onCleanup(() => fake.close());
  const vars = { HCAPTCHA_VERIFY_URL: fake.url, TIP_RATE_LIMIT_MAX: "1000000000" };

  console.log("Worker: bundling as `wrangler deploy --dry-run`, local D1, start under workerd ...");
  const started = performance.now();
  const edge = await startWorkerUnderMiniflare({ dir, port: await freePort(), demoPort: await freePort(), vars });
  onCleanup(() => edge.stop());
  const preparedMs = Math.round(performance.now() - started);
  const bundle = readFileSync(edge.scriptPath);
  const bundleGzipBytes = gzipSync(bundle, { level: 9 }).length;

  console.log(`Worker: accepted tips (${seconds} s, ${connections} connections) ...`);
  const load = { path: "/api/v1/tips", connections, seconds, body: tipBody(fake) };
  await runLoad({ ...load, url: edge.url, connections: 10, seconds: 2 });
  const onWorker = await runLoad({ ...load, url: edge.url });
  await edge.stop();

  console.log(`Node: accepted tips (${seconds} s, ${connections} connections) ...`);
  const node = await startServerProcess(
    { DATABASE_URL: `file:${join(dir, "node.db")}`, BALAGH_MASTER_KEY: generateMasterKey(), ...vars },
    { compiled: true },
  );
  onCleanup(() => node.stop());
  await runLoad({ ...load, url: node.url, connections: 10, seconds: 2 });
  const onNode = await runLoad({ ...load, url: node.url });
  await node.stop();

  console.log("Password check under workerd ...");
  const password = await passwordUnderWorkerd(dir);

  const figures = {
    bundle: {
      bytes: bundle.length,
      gzipBytes: bundleGzipBytes,
      goal: `<= ${BUNDLE_GOAL_BYTES}`,
      met: bundleGzipBytes <= BUNDLE_GOAL_BYTES,
    },
    startUpMs: { workerdToFirstAnswer: edge.startUpMs, bundleMigrateSeedAndStart: preparedMs },
    acceptedTipsPerSecond: { worker: onWorker.perSecond.ok, node: onNode.perSecond.ok },
    p99Ms: { worker: onWorker.latencyMs.ok?.p99 ?? null, node: onNode.latencyMs.ok?.p99 ?? null },
    statusCodes: { worker: onWorker.statusCodes, node: onNode.statusCodes },
    passwordCpuMs: { ...password, workersCpuLimitsMs: WORKERS_CPU_LIMITS_MS },
  };
  const kb = (bytes: number) => Math.round(bytes / 1024);
  console.log(
    `\n${formatTable([
      ["Worker bundle, gzip KB", { worker: kb(bundleGzipBytes), node: null, "goal or limit": "<= 500" }],
      ["start-up to first answer, ms", { worker: edge.startUpMs, node: null, "goal or limit": null }],
      ["accepted tips/s", { worker: onWorker.perSecond.ok, node: onNode.perSecond.ok, "goal or limit": null }],
      ["accepted tips p99, ms", { worker: figures.p99Ms.worker, node: figures.p99Ms.node, "goal or limit": null }],
      ["password check, CPU ms", { worker: password.verifyMs, node: null, "goal or limit": "Free 10, Paid 30000" }],
      ["password hash, CPU ms", { worker: password.hashMs, node: null, "goal or limit": "Free 10, Paid 30000" }],
    ])}\n`,
  );
  return writeResults(resultsFolder, new Date(), figures, "edge");
};
