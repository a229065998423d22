import { cpSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { D1_NAME, demoVars, prepareLocalEdge, serveDemoPartner } from "../../server/scripts/edge-dev.js";
import { REPO_ROOT, wrangler } from "../../server/src/cli/d1.js";

/**
 * One setting of wrangler.toml by name, at the top or in a [section] / [[section]]; the values used here are valid
 * JSON as well as TOML.
 */
export const wranglerSetting = (key: string, section = ""): unknown => {
  const toml = readFileSync(join(REPO_ROOT, "wrangler.toml"), "utf8");
  const sections = toml.split(/^(?=\[)/m);
  const body = section ? sections.find((s) => s.match(/^\[+([^\]]+)\]+/)?.[1] === section) : sections[0];
  const value = body?.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, "m"))?.[1];
  return value === undefined ? undefined : JSON.parse(value.replace(/#.*$/, "").trim());
};

/** The bundle `wrangler deploy` would upload, built offline. */
export const deployBundle = async (dir: string) => {
  const outdir = join(dir, "bundle");
  await wrangler(["deploy", "--dry-run", "--outdir", outdir], { WRANGLER_LOG_PATH: join(dir, "logs"), CI: "true" });
  return join(outdir, "worker.js");
};

/**
 * The Worker as `wrangler deploy` would upload it, under workerd through Miniflare, with wrangler.toml's
 * bindings: the local D1 that `wrangler d1 migrations apply` made and the demo deployment seeded, and the
 * widget build as its assets (a copy, so that a rebuild elsewhere cannot change it mid-run). Unlike
 * `wrangler dev`, nothing watches the sources, so the Worker never restarts under a test.
 */
export const startWorkerUnderMiniflare = async (options: {
  dir: string;
  port: number;
  demoPort: number;
  vars?: Record<string, string>;
}) => {
  const url = `http://localhost:${options.port}`;
  const demoUrl = `http://127.0.0.1:${options.demoPort}`;
  const assets = join(options.dir, "assets");
  cpSync(join(REPO_ROOT, wranglerSetting("directory", "assets") as string), assets, { recursive: true });
  const [scriptPath, local] = await Promise.all([deployBundle(options.dir), prepareLocalEdge(options.dir, demoUrl)]);
  let output = "";
  const starting = performance.now();
  const worker = new Miniflare({
    modules: true,
    scriptPath,
    // Module names are paths relative to this root, and workerd rejects any that climb out with "..".
    modulesRoot: dirname(scriptPath),
    compatibilityDate: wranglerSetting("compatibility_date") as string,
    compatibilityFlags: (wranglerSetting("compatibility_flags") ?? []) as string[],
    // Where wrangler keeps a local D1 under --persist-to, and the id it files that database under.
    d1Databases: { DB: wranglerSetting("database_id", "d1_databases") as string },
    d1Persist: join(local.persistTo, "v3", "d1"),
    assets: {
      directory: assets,
      binding: wranglerSetting("binding", "assets") as string,
      routerConfig: {
        has_user_worker: true,
        invoke_user_worker_ahead_of_assets: wranglerSetting("run_worker_first", "assets") === true,
      },
    },
    bindings: { ...demoVars(url, local.masterKey), ...options.vars },
    host: "127.0.0.1",
    port: options.port,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      for (const stream of [stdout, stderr])
        stream.on("data", (chunk: Buffer) => {
          output += chunk;
        });
    },
  });
  await worker.ready;
  await worker.dispatchFetch(`${url}/healthz`);
  const startUpMs = Math.round(performance.now() - starting);
  const site = serveDemoPartner(url, options.demoPort);
  let stopped = false;
  return {
    url,
    demoUrl,
    worker,
    scriptPath,
    /** From workerd's start to the first answer (the Worker's own start-up included). */
    startUpMs,
    d1: { name: D1_NAME, persistTo: local.persistTo },
    masterKey: local.masterKey,
    output: () => output,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      site.close();
      await worker.dispose();
    },
  };
};
