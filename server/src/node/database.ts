import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { drizzle } from "drizzle-orm/libsql/node";
import { libsqlCommit } from "../db/commit.js";
import * as schema from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { groupCommit } from "./group-commit.js";

const READ_CACHE_KIB = 64 * 1024;
const MIGRATIONS = fileURLToPath(new URL("../db/migrations", import.meta.url));

/** The folder that holds a local database file (and, in demo mode, the generated master key). */
export const dataDirOf = (databaseUrl: string) =>
  databaseUrl.startsWith("file:") ? dirname(resolve(databaseUrl.slice("file:".length))) : resolve("data");

/** Owner-only before SQLite opens it (SQLite gives its -wal and -shm files the database file's mode). */
const localPath = (url: string) => resolve(url.slice("file:".length).split("?")[0] ?? "");

const keepPrivate = (url: string) => {
  const path = localPath(url);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
};

export const openDatabase = async (url: string, authToken?: string) => {
  const local = url.startsWith("file:");
  if (local) keepPrivate(url);
  // One connection for a local file: PRAGMAs are per connection, and the pool would open more without them
  // (no fsync batching, no busy timeout). Every query here is a short synchronous call, so one is enough.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), ...(local ? { concurrency: 1 } : {}) });
  if (local) {
    // WAL lets readers work during a write. FULL syncs the WAL at every commit: a 201 must survive a power
    // loss, not only a crash of this process (NORMAL's promise); group commit keeps the fsyncs few.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = FULL");
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA foreign_keys = ON");
    // SQLite's default page cache is 2 MiB: at a million tips the open ones lie on thousands of pages, and the
    // queue fetched each of them again from the file on every page view (9 ms a query instead of 3).
    await client.execute(`PRAGMA cache_size = -${READ_CACHE_KIB}`);
  }
  const db: AppDb = drizzle({ client, schema });
  const group = local ? groupCommit(localPath(url)) : null;
  return {
    client,
    db,
    commit: group?.commit ?? libsqlCommit(client),
    commitStats: group?.stats ?? null,
    close: () => {
      group?.close();
      client.close();
    },
  };
};

export const migrateDatabase = (db: AppDb) =>
  migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS });
