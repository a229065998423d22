import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A port that was free a moment ago: listen on port 0, read what the kernel gave, let it go. */
export const freePort = async () => {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("could not read a free port");
  return address.port;
};

const TAIL_LINES = 40;

/** Seconds of CPU (user + system) the process has used so far, from /proc; null where /proc is missing. */
const cpuSecondsOf = (pid: number | undefined): number | null => {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};

export type ServerOptions = {
  root: string;
  env: Record<string, string>;
  port: number;
  startTimeoutMs: number;
  /** Extra flags for the server's node process, e.g. --cpu-prof (BENCH_SERVER_NODE_OPTIONS). */
  nodeArgs?: string[];
};

export type RunningServer = {
  url: string;
  pid: number | undefined;
  cpuSeconds: () => number | null;
  /** Why the process ended (exit code, signal, spawn failure), or null while it runs. */
  ended: () => string | null;
  output: () => string;
  stop: (graceMs?: number) => Promise<void>;
};

const waitForHealth = async (url: string, ended: () => string | null, timeoutMs: number, output: () => string) => {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const end = ended();
    if (end !== null) throw new Error(`the server stopped (${end}) before it answered /healthz:\n${output()}`);
    try {
      const reply = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (reply.status === 200) return;
      last = `HTTP ${reply.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /healthz with 200 within ${timeoutMs} ms (last: ${last}):\n${output()}`);
};

/**
 * What `pnpm start` runs: the compiled server, built first. A checkout from before the compiled
 * server (BENCH_SERVER_ROOT) runs its sources with tsx's loader (`node --import tsx`, not the tsx
 * CLI, so that there is a single process to signal).
 */
const serverEntry = (root: string): string[] => {
  if (!existsSync(`${root}/server/scripts/build.ts`)) return ["--import", "tsx", "server/src/node.ts"];
  execFileSync("pnpm", ["--filter", "@balagh/server", "build"], { cwd: root, stdio: "ignore" });
  return ["server/dist/node/server.js"];
};

/** The real server in a child process. */
export const startServer = async ({
  root,
  env,
  port,
  startTimeoutMs,
  nodeArgs = [],
}: ServerOptions): Promise<RunningServer> => {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(line);
    if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
  };
  const child = spawn(process.execPath, [...nodeArgs, ...serverEntry(root)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let ended: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      ended ??= `exit code ${code ?? signal}`;
      resolve();
    });
    // No process at all (bad cwd, no node): "exit" never comes.
    child.once("error", (error) => {
      ended ??= `spawn failed in ${root}: ${error.message}`;
      if (child.pid === undefined) resolve();
    });
  });
  const output = () => lines.map((line) => `  | ${line}`).join("\n");
  const url = `http://127.0.0.1:${port}`;

  const stop = async (graceMs = 5_000) => {
    if (ended !== null) return;
    child.kill("SIGTERM");
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
    if ((await Promise.race([exited.then(() => "exited" as const), timer])) === "timeout") {
      child.kill("SIGKILL");
      await exited;
    }
  };

  try {
    await waitForHealth(url, () => ended, startTimeoutMs, output);
  } catch (error) {
    await stop(2_000);
    throw error;
  }
  return { url, pid: child.pid, cpuSeconds: () => cpuSecondsOf(child.pid), ended: () => ended, output, stop };
};

export const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
