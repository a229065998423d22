/**
 * Follow-up bench: receipt guessing against one real server (compiled, TRUST_PROXY so that each
 * request names its client in X-Forwarded-For). A guesser spread over many addresses sends wrong
 * receipts as fast as the connections allow, while a reporter opens a session with a right
 * receipt ten times a second from addresses of their own. Goals (issue 10): ≥ 1,000 refused
 * guesses a second, the right receipt's p99 ≤ 300 ms (and every one within 1 s). Then wrong and
 * unknown receipts, one at a time, side by side: their times should not tell them apart.
 * Figures only; nothing here fails on a missed goal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { submission, validTip } from "../fixtures/tips.js";
import { type Percentiles, percentiles } from "./load.js";
import { formatTable, writeResults } from "./report.js";
import { freePort, ownCpuSeconds, startServer } from "./server.js";

export const FOLLOWUP_BENCH_BUDGET_MS = 180_000;

export type FollowupBenchOptions = {
  serverRoot: string;
  resultsFolder: string;
  seconds: number;
  connections: number;
  /** How many addresses the guesser spreads over. */
  guessers: number;
  onCleanup: (step: () => unknown) => void;
};

const GOALS = { minRefusedPerSecond: 1_000, maxRightP99Ms: 300, maxRightMs: 1_000 };

const digits = () => [...crypto.getRandomValues(new Uint8Array(20))].map((b) => b % 10).join("");
const near = (receipt: string) => `${receipt.slice(0, -1)}${(Number(receipt.at(-1)) + 1) % 10}`;
const guesserAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
let reporterCount = 0;
const reporterAddress = () => {
  reporterCount++;
  return `172.16.${(reporterCount >> 8) & 255}.${reporterCount & 255}`;
};

const open = async (url: string, receipt: string, address: string) => {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/followup/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
    body: JSON.stringify({ receipt }),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
};

const guess = (url: string, o: FollowupBenchOptions, receipts: string[]) =>
  new Promise<{ statusCodes: Record<string, number>; seconds: number; errors: number }>((resolve, reject) => {
    let n = 0;
    autocannon(
      {
        url: `${url}/api/v1/followup/session`,
        connections: o.connections,
        duration: o.seconds,
        timeout: 10,
        method: "POST",
        requests: [
          {
            setupRequest: (request) => {
              n++;
              const receipt = n % 2 ? digits() : near(receipts[n % receipts.length] ?? digits());
              return {
                ...request,
                headers: { "Content-Type": "application/json", "X-Forwarded-For": guesserAddress(n % o.guessers) },
                body: JSON.stringify({ receipt }),
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const statusCodes = Object.fromEntries(
          Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
        );
        resolve({ statusCodes, seconds: result.duration, errors: result.errors + result.timeouts });
      },
    );
  });

/** The owner of a receipt, ten times a second, each time from a new address, while the guessing runs. */
const rightReceipts = (url: string, receipts: string[], until: () => boolean) => {
  const times: number[] = [];
  let refused = 0;
  const run = (async () => {
    for (let i = 0; !until(); i++) {
      const tick = performance.now();
      const { status, ms } = await open(url, receipts[i % receipts.length] ?? "", reporterAddress());
      if (status === 201) times.push(ms);
      else refused++;
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - tick))));
    }
  })();
  return run.then(() => ({ times, refused }));
};

const sideBySide = async (url: string, receipts: string[], rounds: number) => {
  const wrong: number[] = [];
  const unknown: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < rounds; i++) {
    wrong.push((await open(url, near(receipts[i % receipts.length] ?? ""), reporterAddress())).ms);
    unknown.push((await open(url, digits(), reporterAddress())).ms);
    if (i % 4 === 0) right.push((await open(url, receipts[i % receipts.length] ?? "", reporterAddress())).ms);
  }
  return {
    wrong: percentiles(wrong),
    unknown: percentiles(unknown),
    right: percentiles(right),
    rightCount: right.length,
  };
};

export const runFollowupBench = async (o: FollowupBenchOptions) => {
  const tmp = mkdtempSync(join(tmpdir(), "balagh-bench-followup-"));
  o.onCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  const fake = await startFakeHcaptcha();
  o.onCleanup(() => fake.close());
  const port = await freePort();
  let demoPort = await freePort();
  while (demoPort === port) demoPort = await freePort();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(BALAGH_|HCAPTCHA_|ALTCHA_|TIP_RATE_|DATABASE_|PUBLIC_URL$|TRUST_PROXY$)/.test(key))
      env[key] = value;
  }
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO_PARTNER_PORT: String(demoPort),
    DATABASE_URL: `file:${join(tmp, "balagh.db")}`,
    HCAPTCHA_VERIFY_URL: fake.url,
    TIP_RATE_LIMIT_MAX: "1000000000",
    TRUST_PROXY: "true",
    BALAGH_ENV: "development",
  });
  console.log(`Follow-up: starting the server on port ${port} ...`);
  const server = await startServer({ root: o.serverRoot, env, port, startTimeoutMs: 30_000 });
  o.onCleanup(() => server.stop());

  const receipts: string[] = [];
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${server.url}/api/v1/tips`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(submission({ provider: "hcaptcha", response: fake.issue() }, validTip())),
    });
    if (response.status !== 201) throw new Error(`follow-up bench: a tip was refused (${response.status})`);
    receipts.push(((await response.json()) as { receipt: string }).receipt);
  }

  console.log(`Follow-up: timing wrong and unknown receipts side by side (calm) ...`);
  const calm = await sideBySide(server.url, receipts, 200);

  console.log(
    `Follow-up: guessing (${o.seconds} s, ${o.connections} connections, ${o.guessers} addresses) with a right receipt ten times a second ...`,
  );
  let guessing = true;
  const [serverBefore, ownBefore, started] = [server.cpuSeconds(), ownCpuSeconds(), performance.now()];
  const owner = rightReceipts(server.url, receipts, () => !guessing);
  const attack = await guess(server.url, o, receipts).finally(() => {
    guessing = false;
  });
  const wall = (performance.now() - started) / 1000;
  const serverCpu = (server.cpuSeconds() ?? Number.NaN) - (serverBefore ?? Number.NaN);
  const right = await owner;
  if (server.ended() !== null) throw new Error(`the server stopped during the follow-up bench:\n${server.output()}`);

  const refused = (attack.statusCodes["404"] ?? 0) + (attack.statusCodes["429"] ?? 0);
  const requests = Object.values(attack.statusCodes).reduce((a, b) => a + b, 0);
  const refusedPerSecond = Math.round((refused / attack.seconds) * 10) / 10;
  const rightLatency = percentiles(right.times);
  const slowest = rightLatency?.max ?? Number.NaN;
  const goals = {
    refusedPerSecond: {
      goal: `>= ${GOALS.minRefusedPerSecond}`,
      value: refusedPerSecond,
      met: refusedPerSecond >= GOALS.minRefusedPerSecond,
    },
    rightReceiptP99Ms: {
      goal: `<= ${GOALS.maxRightP99Ms}`,
      value: rightLatency?.p99 ?? Number.NaN,
      met: (rightLatency?.p99 ?? Number.POSITIVE_INFINITY) <= GOALS.maxRightP99Ms,
    },
    rightReceiptMaxMs: { goal: `<= ${GOALS.maxRightMs}`, value: slowest, met: slowest <= GOALS.maxRightMs },
    rightReceiptsRefused: { goal: "0", value: right.refused, met: right.refused === 0 },
  };
  console.log("");
  console.log(
    formatTable([
      [
        "guesses",
        {
          "per s": Math.round((requests / attack.seconds) * 10) / 10,
          "refused/s": refusedPerSecond,
          "404": attack.statusCodes["404"] ?? 0,
          "429": attack.statusCodes["429"] ?? 0,
          other: requests - refused,
          errors: attack.errors,
          "server cpu %": Math.round((serverCpu / wall) * 100),
          "cpu ms/req": Math.round((serverCpu / requests) * 1e5) / 100,
          "bench cpu %": Math.round(((ownCpuSeconds() - ownBefore) / wall) * 100),
        },
      ],
    ]),
  );
  console.log("");
  const row = (p: Percentiles | null) => ({ p50: p?.p50, p90: p?.p90, p99: p?.p99, max: p?.max, mean: p?.mean });
  console.log(
    formatTable([
      ["right receipt under guessing (ms)", { ...row(rightLatency), n: right.times.length, refused: right.refused }],
      ["right receipt, calm (ms)", { ...row(calm.right), n: calm.rightCount, refused: null }],
      ["wrong receipt, calm (ms)", { ...row(calm.wrong), n: 200, refused: null }],
      ["unknown receipt, calm (ms)", { ...row(calm.unknown), n: 200, refused: null }],
    ]),
  );
  // A shared machine's load shows in every latency here: say what it was.
  console.log(`\n  load average (1 min) at the end: ${loadavg()[0]?.toFixed(2)} on ${cpus().length} CPUs\n`);
  for (const [name, g] of Object.entries(goals)) {
    console.log(`  ${g.met ? "met " : "MISS"}  ${name}: ${g.value} (goal ${g.goal})`);
  }
  const file = writeResults(
    o.resultsFolder,
    new Date(),
    {
      config: { seconds: o.seconds, connections: o.connections, guessers: o.guessers },
      goals,
      attack,
      right: rightLatency,
      calm,
    },
    "followup",
  );
  await server.stop();
  return file;
};
