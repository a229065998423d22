import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { drizzle } from "drizzle-orm/libsql/node";
import * as schema from "../db/schema.js";
import type { AppDb } from "../db/types.js";

const MIGRATIONS = fileURLToPath(new URL("../db/migrations", import.meta.url));

/** The folder that holds a local database file (and, in demo mode, the generated master key). */
export const dataDirOf = (databaseUrl: string) =>
  databaseUrl.startsWith("file:") ? dirname(resolve(databaseUrl.slice("file:".length))) : resolve("data");

export const openDatabase = async (url: string, authToken?: string) => {
  const local = url.startsWith("file:");
  if (local) mkdirSync(dataDirOf(url), { recursive: true });
  // One connection for a local file: PRAGMAs are per connection, and the pool would open more without them
  // (no fsync batching, no busy timeout). Every query here is a short synchronous call, so one is enough.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), ...(local ? { concurrency: 1 } : {}) });
  if (local) {
    // WAL lets readers work during a write; NORMAL sync is durable across process crashes, which is what a 201 promises here.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA foreign_keys = ON");
  }
  const db: AppDb = drizzle({ client, schema });
  return { client, db };
};

export const migrateDatabase = (db: AppDb) =>
  migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS });
