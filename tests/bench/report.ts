import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { BaselineResult } from "./baseline.js";
import type { LoadResult, MeasuredLoad } from "./load.js";

export type Cell = string | number | null | undefined;

const show = (cell: Cell) => {
  if (cell === null || cell === undefined || (typeof cell === "number" && Number.isNaN(cell))) return "-";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : cell.toFixed(2);
  return cell;
};

/** An aligned text table: one line per row, a header from the first row's keys, numbers right-aligned. */
export const formatTable = (rows: Array<[string, Record<string, Cell>]>) => {
  const columns = Object.keys(rows[0]?.[1] ?? {});
  const lines = [["", ...columns], ...rows.map(([label, row]) => [label, ...columns.map((c) => show(row[c]))])];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((line) => line[i]?.length ?? 0))) ?? [];
  const render = (line: string[], header: boolean) =>
    line.map((text, i) => (i === 0 || header ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0))).join("  ");
  const [head, ...body] = lines;
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [render(head ?? [], true), rule, ...body.map((line) => render(line, false))].join("\n");
};

export const machineInfo = () => ({
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
});

/** Writes results/intake-<ISO timestamp>.json (colons made dashes, for file systems that refuse them); returns the path. */
export const writeResults = (folder: string, date: Date, figures: object, name = "intake") => {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}-${date.toISOString().replace(/:/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify({ date: date.toISOString(), machine: machineInfo(), ...figures }, null, 2)}\n`);
  return file;
};

export type Summary = {
  config: { connections: number };
  accepted: MeasuredLoad;
  rejected: MeasuredLoad;
  rejected403: number;
  rejectedPerSecond: number;
  limited: MeasuredLoad;
  baseline: BaselineResult;
  warmup: LoadResult;
  stored: number;
  goals: Record<string, { goal: string; value: number; met: boolean }>;
  analysis: { tipsPerSecondForRatioGoal: number; cpuBoundTipsPerSecond: number | null; closedLoopMeanMs: number };
};

export const printSummary = ({
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
}: Summary) => {
  const okLatency = accepted.latencyMs.ok;
  const badLatency = rejected.latencyMs.all;
  console.log(
    `\n${formatTable([
      [
        "accepted tips (201)",
        {
          "per s": accepted.perSecond.ok,
          count: accepted.ok,
          "p50 ms": okLatency?.p50,
          "p97.5 ms": okLatency?.p97_5,
          "p99 ms": okLatency?.p99,
          "max ms": okLatency?.max,
          "non-2xx": accepted.non2xx,
          errors: accepted.errors,
          "server CPU %": accepted.server.cpuPercent,
          "server CPU ms/req": accepted.server.cpuMsPerRequest,
        },
      ],
      [
        "rejected, bad captcha (403)",
        {
          "per s": rejectedPerSecond,
          count: rejected403,
          "p50 ms": badLatency?.p50,
          "p97.5 ms": badLatency?.p97_5,
          "p99 ms": badLatency?.p99,
          "max ms": badLatency?.max,
          "non-2xx": rejected.non2xx,
          errors: rejected.errors,
          "server CPU %": rejected.server.cpuPercent,
          "server CPU ms/req": rejected.server.cpuMsPerRequest,
        },
      ],
      [
        "rate-limited client (429)",
        {
          "per s": limited.perSecond.all,
          count: limited.statusCodes["429"] ?? 0,
          "p50 ms": limited.latencyMs.all?.p50,
          "p97.5 ms": limited.latencyMs.all?.p97_5,
          "p99 ms": limited.latencyMs.all?.p99,
          "max ms": limited.latencyMs.all?.max,
          "non-2xx": limited.non2xx,
          errors: limited.errors,
          "server CPU %": limited.server.cpuPercent,
          "server CPU ms/req": limited.server.cpuMsPerRequest,
        },
      ],
      [
        "raw insert baseline (1 row, awaited)",
        { "per s": baseline.rowsPerSecond, count: baseline.rows, "p50 ms": baseline.p50Ms, "p99 ms": baseline.p99Ms },
      ],
    ])}\n`,
  );
  console.log(
    `Status codes: accepted phase ${JSON.stringify(accepted.statusCodes)}, rejected phase ${JSON.stringify(rejected.statusCodes)}`,
  );
  console.log(
    `Tips stored: ${stored} (2xx counted in warm-up + accepted phase: ${warmup.ok + accepted.ok}; ` +
      "requests in flight when a phase ends are stored but not counted)",
  );
  console.log(
    `Bench process (autocannon + fake siteverify) CPU during the accepted phase: ${accepted.benchProcessCpuPercent}%`,
  );
  console.log(
    `Closed loop: mean latency ~ connections / throughput = ${config.connections} / ${accepted.perSecond.ok} = ` +
      `${analysis.closedLoopMeanMs} ms`,
  );
  console.log(
    `Ratio goal needs ${analysis.tipsPerSecondForRatioGoal} tips/s; one server process at 100% CPU ` +
      `and ${accepted.server.cpuMsPerRequest ?? "?"} ms CPU per tip tops out near ${analysis.cpuBoundTipsPerSecond ?? "?"} tips/s\n`,
  );
  for (const [name, g] of Object.entries(goals)) {
    console.log(
      `Goal ${name.padEnd(22)} ${g.goal.padEnd(8)} measured ${String(g.value).padEnd(8)} ${g.met ? "MET" : "MISSED"}`,
    );
  }
};
