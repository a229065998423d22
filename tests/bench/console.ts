/**
 * Console bench: the staff console on a database of N synthetic tips (BENCH_CONSOLE_TIPS, 100,000 by
 * default). Run by run.ts (BENCH_ONLY=console runs it alone). In-process: the real app
 * (tests/fixtures/test-app.ts) answers `app.request`, so "server time" is the Hono handlers, the
 * queries and the rendering, without a socket. Figures are printed and written to
 * tests/bench/results/console-<timestamp>.json.
 *
 *  1. The queue's first page as a supervisor, and a filtered page as an agent (agent scope, country
 *     and child involved): p50/p99 (goal p99 <= 30 ms at 1M tips).
 *  2. The workspace of a tip filed through the public API (so its sealed fields really open): p50/p99
 *     (goal p99 <= 50 ms).
 *  3. From a tip's 201 to its event in 200 open event streams (GET /console/events through
 *     `app.request`, each read by its own reader): goal <= 2 s; the process's rss with them open.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { ConsoleBrowser } from "../fixtures/console.js";
import { addMembers, fileTip, MEMBERS, signedInAs, tipElsewhere, tipForX } from "../fixtures/console-workspace.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { fillTips } from "./console-fill.js";
import { type Percentiles, percentiles } from "./load.js";
import { type Cell, formatTable, writeResults } from "./report.js";

export const CONSOLE_BENCH_BUDGET_MS = 600_000;

const GOALS = { queueP99Ms: 30, workspaceP99Ms: 50, eventMaxMs: 2_000 };
const OPEN_TIPS = 3_000;
const WARMUP_REQUESTS = 20;
const API_TIPS = 300;
const STREAMS = 200;
const EVENT_TIPS = 10;
/** A stream that has not seen a tip by then never will: the bench stops rather than hang. */
const EVENT_DEADLINE_MS = 15_000;

export type ConsoleBenchOptions = {
  tips: number;
  requests: number;
  resultsFolder: string;
  onCleanup: (step: () => unknown) => void;
};

// Without a collection first, rss before and after the streams open differs by whatever garbage the fill left.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const settledMemory = () => {
  collectGarbage();
  return process.memoryUsage();
};

const round = (n: number) => Math.round(n * 100) / 100;
const mib = (bytes: number) => round(bytes / 2 ** 20);

/** Wall time of each request until its whole body is read (Hono JSX renders while the body streams). */
const serverTimes = async (count: number, request: (i: number) => Promise<Response>, mustContain: string) => {
  const times: number[] = [];
  for (let i = -WARMUP_REQUESTS; i < count; i++) {
    const started = performance.now();
    const response = await request(i);
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || !text.includes(mustContain))
      throw new Error(`unexpected answer ${response.status} (expected 200 with '${mustContain}')`);
    if (i >= 0) times.push(ms);
  }
  return percentiles(times) as Percentiles;
};

type StreamWatch = { arrivals: Map<string, number[]>; cancel: () => Promise<void> };

/** Reads one event stream for as long as it is open, noting when each tip's event arrives. */
const watchStream = (response: Response, onTip: (id: string, at: number) => void): StreamWatch => {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let open = true;
  void (async () => {
    while (open) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const at = performance.now();
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        // The event's id is a stream position; the tip's own id is in its data.
        const data = /^event: tip$/m.test(block) ? block.match(/^data: (.*)$/m)?.[1] : undefined;
        const id = data ? (JSON.parse(data) as { id?: string }).id : undefined;
        if (id) onTip(id, at);
      }
    }
  })();
  return {
    arrivals: new Map(),
    cancel: async () => {
      open = false;
      await reader.cancel().catch(() => {});
    },
  };
};

/** 200 open consoles of one supervisor (one session); each new tip's delay is its slowest stream's. */
const measureEvents = async (t: TestApp, browser: ConsoleBrowser, onCleanup: ConsoleBenchOptions["onCleanup"]) => {
  const arrivals = new Map<string, number[]>();
  const waiting = new Map<string, () => void>();
  const onTip = (id: string, at: number) => {
    const list = arrivals.get(id) ?? [];
    list.push(at);
    arrivals.set(id, list);
    if (list.length === STREAMS) waiting.get(id)?.();
  };
  const allStreamsSaw = (id: string) =>
    new Promise<void>((resolve, reject) => {
      if ((arrivals.get(id)?.length ?? 0) === STREAMS) return resolve();
      const deadline = setTimeout(
        () => reject(new Error(`tip ${id} reached ${arrivals.get(id)?.length ?? 0} of ${STREAMS} streams`)),
        EVENT_DEADLINE_MS,
      );
      waiting.set(id, () => {
        clearTimeout(deadline);
        resolve();
      });
    });

  const before = settledMemory();
  const watches: StreamWatch[] = [];
  onCleanup(() => Promise.all(watches.map((w) => w.cancel())));
  for (let i = 0; i < STREAMS; i++) {
    const response = await browser.get("/console/events");
    if (response.status !== 200) throw new Error(`event stream refused: ${response.status}`);
    watches.push(watchStream(response, onTip));
  }

  const delays: number[] = [];
  for (let i = 0; i < EVENT_TIPS; i++) {
    const answer = await t.post(t.body(i % 2 === 0 ? tipForX() : tipElsewhere()));
    const createdAt = performance.now();
    if (answer.status !== 201)
      throw new Error(`tip refused: ${answer.status} ${await answer.text()}; app log: ${t.logs.slice(-3).join(" | ")}`);
    const newest = await t.exec("select id from tips order by rowid desc limit 1");
    const id = String(newest.rows[0]?.id);
    await allStreamsSaw(id);
    delays.push(Math.max(...(arrivals.get(id) ?? [])) - createdAt);
  }
  const open = settledMemory();
  await Promise.all(watches.map((w) => w.cancel()));
  return {
    streams: STREAMS,
    tips: EVENT_TIPS,
    delayMs: percentiles(delays) as Percentiles,
    rssBeforeMiB: mib(before.rss),
    rssOpenMiB: mib(open.rss),
    heapBeforeMiB: mib(before.heapUsed),
    heapOpenMiB: mib(open.heapUsed),
    heapPerStreamKiB: round((open.heapUsed - before.heapUsed) / STREAMS / 1024),
  };
};

const goal = (max: number, value: number) => ({ goal: `<= ${max}`, value, met: value <= max });

export const runConsoleBench = async ({ tips, requests, resultsFolder, onCleanup }: ConsoleBenchOptions) => {
  // The fake siteverify answers from this same busy process (200 streams being read): the production
  // timeout would time out the bench's own fake, not measure the console.
  const t = await createTestApp({ rateLimitMax: 1_000_000_000, hcaptchaTimeoutMs: 60_000 });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= t.close();
    return closing;
  };
  onCleanup(close);
  try {
    return await measure(t, { tips, requests, resultsFolder, onCleanup });
  } finally {
    // Closed now, not at the bench's end: the intake bench that follows must not share the machine with it.
    await close();
  }
};

const measure = async (t: TestApp, { tips, requests, resultsFolder, onCleanup }: ConsoleBenchOptions) => {
  const [partner] = (await t.exec("select id from partners where key = 'demo'")).rows;
  const agencyIds = (await t.exec("select id from agencies order by slug")).rows.map((r) => String(r.id));

  console.log(`Console: filling ${tips.toLocaleString("en")} synthetic tips (${agencyIds.length} agencies) ...`);
  const fillStarted = performance.now();
  let reported = 0;
  await fillTips(
    t.client,
    { tips, openTips: OPEN_TIPS, partnerId: String(partner?.id), agencyIds, now: Date.now() },
    (done) => {
      if (done - reported >= 100_000) {
        reported = done;
        console.log(
          `Console:   ${done.toLocaleString("en")} tips, ${Math.round((performance.now() - fillStarted) / 1000)} s`,
        );
      }
    },
  );
  // No ANALYZE: the server never runs it, and with its statistics SQLite plans the queue's queries differently.
  const fillSeconds = round((performance.now() - fillStarted) / 1000);
  const routes = Number((await t.exec("select count(*) as n from tip_routes")).rows[0]?.n);
  const open = Number(
    (await t.exec("select count(*) as n from tips where status in ('received', 'in_review', 'referred')")).rows[0]?.n,
  );
  const rssAfterFillMiB = mib(settledMemory().rss);
  console.log(
    `Console: filled in ${fillSeconds} s (${routes.toLocaleString("en")} routes, ${open} open tips); rss ${rssAfterFillMiB} MiB`,
  );

  console.log(`Console: ${API_TIPS} tips through the public API, for the workspace ...`);
  const apiTips: string[] = [];
  for (let i = 0; i < API_TIPS; i++) apiTips.push(await fileTip(t, i % 2 === 0 ? tipForX() : tipElsewhere()));

  await addMembers(t);
  const now = () => new Date();
  const supervisor = await signedInAs(t, now, "supervisor", "198.51.100.10");
  const agent = await signedInAs(t, now, "agentX", "198.51.100.11");

  console.log(`Console: the queue's first page as a supervisor, ${requests} requests ...`);
  const queue = await serverTimes(requests, () => supervisor.get("/console"), "/console/tips/");
  console.log(`Console: a filtered page as an agent (country=MR, child=yes), ${requests} requests ...`);
  const filtered = await serverTimes(requests, () => agent.get("/console?country=MR&child=yes"), "/console/tips/");
  console.log(`Console: the workspace of a tip, ${requests} requests ...`);
  const workspace = await serverTimes(
    requests,
    (i) => supervisor.get(`/console/tips/${apiTips[(i + apiTips.length) % apiTips.length]}`),
    "<main",
  );
  console.log(
    `Console: so far (ms) queue ${JSON.stringify(queue)}, agent's filtered page ${JSON.stringify(filtered)}, workspace ${JSON.stringify(workspace)}`,
  );
  console.log(`Console: ${STREAMS} open event streams, ${EVENT_TIPS} new tips ...`);
  const events = await measureEvents(t, supervisor, onCleanup);

  const goals = {
    queueP99Ms: goal(GOALS.queueP99Ms, queue.p99),
    filteredP99Ms: goal(GOALS.queueP99Ms, filtered.p99),
    workspaceP99Ms: goal(GOALS.workspaceP99Ms, workspace.p99),
    eventMaxMs: goal(GOALS.eventMaxMs, round(events.delayMs.max)),
  };
  const row = (p: Percentiles, count: number, g: { goal: string; met: boolean }): Record<string, Cell> => ({
    count,
    "p50 ms": p.p50,
    "p99 ms": p.p99,
    "max ms": p.max,
    goal: g.goal,
    result: g.met ? "MET" : "MISSED",
  });
  console.log(
    `\nConsole, ${tips.toLocaleString("en")} synthetic tips + ${API_TIPS + EVENT_TIPS} filed (${open} open), server time in-process\n${formatTable(
      [
        ["queue, first page, supervisor", row(queue, requests, goals.queueP99Ms)],
        ["queue, agent, country + child", row(filtered, requests, goals.filteredP99Ms)],
        ["workspace of a tip", row(workspace, requests, goals.workspaceP99Ms)],
        [`201 -> event in all ${STREAMS} streams`, row(events.delayMs, EVENT_TIPS, goals.eventMaxMs)],
      ],
    )}\n`,
  );
  console.log(
    `Fill: ${fillSeconds} s. Memory (rss, this process): ${events.rssBeforeMiB} MiB before the streams, ` +
      `${events.rssOpenMiB} MiB with ${STREAMS} open; heap ${events.heapBeforeMiB} -> ${events.heapOpenMiB} MiB ` +
      `(~${events.heapPerStreamKiB} KiB a stream)`,
  );
  for (const [name, g] of Object.entries(goals)) {
    console.log(
      `Goal ${name.padEnd(16)} ${g.goal.padEnd(8)} measured ${String(g.value).padEnd(8)} ${g.met ? "MET" : "MISSED"}`,
    );
  }
  return writeResults(
    resultsFolder,
    new Date(),
    {
      config: { tips, openTips: open, routes, apiTips: API_TIPS, requests, streams: STREAMS, eventTips: EVENT_TIPS },
      fillSeconds,
      rssAfterFillMiB,
      goals,
      queue,
      filtered: { query: "country=MR&child=yes", agency: MEMBERS.agentX.agency, ...filtered },
      workspace,
      events,
    },
    "console",
  );
};
