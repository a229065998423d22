import { createClient } from "@libsql/client/web";
import { drizzle as drizzleD1 } from "drizzle-orm/d1";
import { drizzle as drizzleLibsql } from "drizzle-orm/libsql/web";
import { type App, createApp } from "./app.js";
import { type Commit, libsqlCommit } from "./db/commit.js";
import * as schema from "./db/schema.js";
import type { AppDb } from "./db/types.js";
import { runDeliveries } from "./delivery/dispatcher.js";
import { storedNewTip } from "./delivery/kick.js";
import { type AssetsFetcher, assetsWidgetBuild } from "./edge/assets.js";
import { forWorkers } from "./edge/response.js";
import { type Env, EnvError, parseEnv } from "./env.js";
import { errorBody } from "./http/errors.js";
import { purgeExpired } from "./maintenance/purge.js";
import { deriveKeys, type Keys } from "./security/keys.js";

/** The few Workers runtime types used here; @cloudflare/workers-types would redeclare DOM globals. */
type D1Statement = { bind(...values: unknown[]): D1Statement };
type D1Database = { prepare(query: string): D1Statement; batch(statements: D1Statement[]): Promise<unknown[]> };
type WorkerEnv = Record<string, unknown> & { DB?: D1Database; ASSETS?: AssetsFetcher };
type ExecutionContext = { waitUntil(promise: Promise<unknown>): void };
type ScheduledController = { scheduledTime: number; cron: string };

type Runtime = { app: App; db: AppDb; keys: Keys; production: boolean };

const stringVars = (env: WorkerEnv) =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

/** A D1 batch is one transaction; D1 binds booleans as numbers itself. */
const d1Commit =
  (d1: D1Database): Commit =>
  async (statements) => {
    await d1.batch(statements.map(({ sql, args }) => d1.prepare(sql).bind(...args)));
  };

const openDatabase = (env: WorkerEnv, vars: Record<string, string>, config: Env): { db: AppDb; commit: Commit } => {
  if (vars.DATABASE_URL) {
    const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
    return { db: drizzleLibsql({ client, schema }), commit: libsqlCommit(client) };
  }
  if (env.DB) return { db: drizzleD1(env.DB, { schema }), commit: d1Commit(env.DB) };
  throw new EnvError("no database: bind a D1 database as DB or set DATABASE_URL to a Turso URL");
};

const start = async (env: WorkerEnv): Promise<Runtime> => {
  const vars = stringVars(env);
  const config = parseEnv(vars, { databaseBinding: Boolean(env.DB) });
  // Unlike Node's demo mode, a Worker has no data folder to keep a generated key in.
  if (!config.masterKey) throw new EnvError("BALAGH_MASTER_KEY is required: set it with `wrangler secret put`");
  const { db, commit } = openDatabase(env, vars, config);
  const keys = await deriveKeys(config.masterKey);
  const app = createApp({
    db,
    commit,
    keys,
    config,
    clientAddress: (c) => c.req.header("CF-Connecting-IP"),
    log: (line) => console.error(line),
    widget: env.ASSETS ? await assetsWidgetBuild(env.ASSETS) : null,
  });
  return { app, db, keys, production: config.production };
};

let runtime: Promise<Runtime> | undefined;

// Built once per isolate; a configuration error is logged once and then answered on every request.
const runtimeFor = (env: WorkerEnv) => {
  runtime ??= start(env).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof EnvError ? `Configuration error: ${message}` : `Could not start: ${message}`);
    throw error;
  });
  return runtime;
};

// Workers' fetch leaves from Cloudflare's network and cannot reach the hotline's private networks (those need a
// Tunnel or Workers VPC binding, which Balagh does not use); the dispatcher still refuses literal inside addresses.
const deliver = ({ db, keys, production }: Runtime) =>
  runDeliveries({ db, keys, log: (line) => console.error(line) }, { production });

const unavailable = () =>
  Response.json(errorBody("service_unavailable", "The hotline is not available right now. Please try again later."), {
    status: 503,
    headers: { "Cache-Control": "no-store", "Retry-After": "60" },
  });

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const started = await runtimeFor(env).catch(() => null);
    if (!started) return unavailable();
    const response = await started.app.fetch(request);
    // A new tip's deliveries (a P0 above all) leave now rather than at the next cron run.
    if (storedNewTip(request, response)) ctx.waitUntil(deliver(started));
    return forWorkers(request, response);
  },

  async scheduled(_controller: ScheduledController, env: WorkerEnv, _ctx: ExecutionContext): Promise<void> {
    // A configuration error rejects here on purpose, so that the dashboard shows the cron run as failed.
    const started = await runtimeFor(env);
    await Promise.all([purgeExpired(started.db), deliver(started)]);
  },
};
