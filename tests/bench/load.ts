import autocannon from "autocannon";
import { ownCpuSeconds, type RunningServer } from "./server.js";

export type LoadOptions = {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  /** Called for every request: each one gets its own body (and so its own captcha token). */
  body: () => string;
};

export type LoadResult = {
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  perSecond: { ok: number; all: number };
  /** Milliseconds, from every response's own timing (autocannon's histogram rounds to whole milliseconds). */
  latencyMs: { all: Percentiles | null; ok: Percentiles | null };
};

export type Percentiles = { p50: number; p90: number; p97_5: number; p99: number; max: number; mean: number };

export const percentiles = (values: number[]): Percentiles | null => {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    p50: round(at(50)),
    p90: round(at(90)),
    p97_5: round(at(97.5)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(mean),
  };
};

let running: autocannon.Instance | null = null;

/** Stops a load run in progress (used by the clean-up on failure or Ctrl-C). */
export const stopLoad = () => {
  running?.stop();
  running = null;
};

export const runLoad = (options: LoadOptions): Promise<LoadResult> => {
  const all: number[] = [];
  const ok: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}${options.path}`,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        method: "POST",
        headers: { "Content-Type": "application/json" },
        requests: [{ setupRequest: (request) => ({ ...request, body: options.body() }) }],
      },
      (error, result) => {
        running = null;
        if (error) {
          reject(error);
          return;
        }
        const statusCodes = Object.fromEntries(
          Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
        );
        const requests = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
        resolve({
          seconds: result.duration,
          requests,
          ok: result["2xx"],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          perSecond: {
            ok: Math.round((result["2xx"] / result.duration) * 10) / 10,
            all: Math.round((requests / result.duration) * 10) / 10,
          },
          latencyMs: { all: percentiles(all), ok: percentiles(ok) },
        });
      },
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      all.push(ms);
      if (status >= 200 && status < 300) ok.push(ms);
    });
    running = instance;
  });
};

/** Runs one load phase and notes the CPU the server and this process (autocannon + fake siteverify) used meanwhile. */
export const measured = async (server: RunningServer, run: () => Promise<LoadResult>) => {
  const [serverBefore, ownBefore, started] = [server.cpuSeconds(), ownCpuSeconds(), performance.now()];
  const result = await run();
  const wall = (performance.now() - started) / 1000;
  const serverAfter = server.cpuSeconds();
  const serverUsed = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
  return {
    ...result,
    server: {
      cpuPercent: serverUsed === null ? null : Math.round((serverUsed / wall) * 100),
      cpuMsPerRequest: serverUsed === null ? null : Math.round((serverUsed / result.requests) * 1e5) / 100,
    },
    benchProcessCpuPercent: Math.round(((ownCpuSeconds() - ownBefore) / wall) * 100),
  };
};

export type MeasuredLoad = Awaited<ReturnType<typeof measured>>;
