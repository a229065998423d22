import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import * as schema from "../db/schema.js";
import type { AppDb } from "../db/types.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Wrangler is a dependency of the tests' workspace package; `pnpm install` puts it here. */
export const WRANGLER = join(REPO_ROOT, "tests/node_modules/.bin/wrangler");

/** Offline and silent: no metrics, no request.cf look-up, no banner (whose update check asks the npm registry). */
export const wranglerEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  ...extra,
});

/** A D1 database by its wrangler.toml name: the local one (under persistTo) or Cloudflare's (remote). */
export type D1Target = { name: string; remote: boolean; persistTo?: string | undefined };

const locationArgs = (target: D1Target) =>
  target.remote ? ["--remote"] : ["--local", ...(target.persistTo ? ["--persist-to", target.persistTo] : [])];

export const wrangler = async (args: string[], env: Record<string, string> = {}) => {
  const { stdout } = await promisify(execFile)(WRANGLER, args, {
    cwd: REPO_ROOT,
    env: wranglerEnv(env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
};

export const applyD1Migrations = (target: D1Target) =>
  wrangler(["d1", "migrations", "apply", target.name, ...locationArgs(target)], { CI: "true" });

type Value = string | number | bigint | boolean | null | Uint8Array;

/** One SQL literal: wrangler's `d1 execute` takes no bound parameters. */
export const sqlLiteral = (value: Value): string => {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to D1`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString("hex")}'`;
  return `'${value.replaceAll("'", "''")}'`;
};

/** Replaces each `?` outside a quoted string or identifier with its parameter, in order. */
export const inlineParams = (sql: string, params: readonly Value[]): string => {
  let out = "";
  let quote: string | null = null;
  let next = 0;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"' || char === "`") {
      quote = char;
      out += char;
    } else if (char === "?") {
      if (next >= params.length) throw new Error("more placeholders than parameters");
      out += sqlLiteral(params[next++] as Value);
    } else out += char;
  }
  if (next !== params.length) throw new Error("more parameters than placeholders");
  return out;
};

type D1Result = { results?: Record<string, unknown>[] };

/**
 * wrangler answers rows as objects, where two columns of one name (a join's ids) would become one; drizzle reads
 * them by position. Selected from as a subquery, SQLite names repeated columns apart ("id", "id:1"), in order.
 */
const uniqueColumns = (select: string) => `select * from (${select})`;

const executeFile = async (target: D1Target, sql: string) => {
  const dir = await mkdtemp(join(tmpdir(), "balagh-d1-"));
  try {
    // The file holds sealed text and password hashes: readable by its owner only, removed at once.
    const file = join(dir, "statements.sql");
    await writeFile(file, sql, { mode: 0o600 });
    const out = await wrangler([
      "d1",
      "execute",
      target.name,
      ...locationArgs(target),
      "--json",
      "--yes",
      "--file",
      file,
    ]);
    return JSON.parse(out) as D1Result[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/**
 * The app's database over wrangler: what the CLI's commands read is asked of D1 at once; what they write
 * waits, and leaves in one file with the next read or at `flush()`. A read always sees the writes before it.
 */
export const openD1 = (target: D1Target): { db: AppDb; flush: () => Promise<void> } => {
  let pending: string[] = [];
  const flush = async () => {
    await queue;
    if (pending.length === 0) return;
    const sql = `${pending.join(";\n")};\n`;
    pending = [];
    await executeFile(target, sql);
  };
  // One wrangler run at a time (commands read in parallel; two runs on one local D1 trip over each other), and
  // the writes waiting go first in the same file as the read, which so sees them.
  let queue: Promise<unknown> = Promise.resolve();
  const read = (sql: string) => {
    const run = queue.then(async () => {
      const statements = [...pending, sql];
      const readOnly = pending.length === 0;
      pending = [];
      const file = `${statements.join(";\n")};\n`;
      const results = await executeFile(target, file).catch((error: unknown) => {
        // A read changes nothing, so one more try is safe where a write's is not: wrangler starts a workerd for
        // each run, and on a loaded machine that start can fail once.
        if (!readOnly) throw error;
        const reason = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
        process.stderr.write(`balagh: retrying a read from D1 after: ${reason}\n`);
        return executeFile(target, file);
      });
      return (results.at(-1)?.results ?? []).map((row) => Object.values(row));
    });
    queue = run.catch(() => {});
    return run;
  };
  const run = async (sql: string, params: Value[], method: "run" | "all" | "values" | "get") => {
    const statement = inlineParams(sql, params);
    if (method === "run") {
      pending.push(statement);
      return { rows: [] };
    }
    const rows = await read(/^\s*(select|with)\b/i.test(statement) ? uniqueColumns(statement) : statement);
    return { rows: method === "get" ? (rows[0] as unknown[]) : rows };
  };
  const db = drizzle(
    (sql, params, method) => run(sql, params, method),
    async (batch) => {
      const results = [];
      for (const { sql, params, method } of batch) results.push(await run(sql, params, method));
      return results;
    },
    { schema },
  );
  return { db: db as unknown as AppDb, flush };
};
