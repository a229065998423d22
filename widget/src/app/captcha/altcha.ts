import { solveChallengeWorkers } from "altcha-lib";

type Challenge = Parameters<typeof solveChallengeWorkers>[0]["challenge"];

const SOLVE_TIMEOUT_MS = 120_000;

// btoa takes Latin-1; going through UTF-8 bytes keeps it safe whatever the challenge carries.
const base64Json = (value: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};

/**
 * Fetches an ALTCHA challenge from the hotline and solves it in Web Workers (the page stays
 * responsive on a slow phone). Returns the payload `POST /api/v1/tips` expects.
 */
export const solveAltcha = async (challengeUrl: string, signal: AbortSignal): Promise<string> => {
  const response = await fetch(challengeUrl, {
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    signal,
  });
  if (!response.ok) throw new Error(`ALTCHA challenge: HTTP ${response.status}`);
  const challenge = (await response.json()) as Challenge;
  const controller = new AbortController();
  signal.addEventListener("abort", () => controller.abort(), { once: true });
  const solution = await solveChallengeWorkers({
    challenge,
    controller,
    concurrency: Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1)),
    timeout: SOLVE_TIMEOUT_MS,
    createWorker: () => new Worker(new URL("./altcha-worker.ts", import.meta.url), { type: "module" }),
  });
  if (!solution) throw new Error("ALTCHA challenge not solved");
  return base64Json({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } });
};
