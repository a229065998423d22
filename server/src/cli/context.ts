import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { AppDb } from "../db/types.js";
import { loadNodeConfig } from "../node/config.js";
import { migrateDatabase, openDatabase } from "../node/database.js";
import { deriveKeys, type Keys } from "../security/keys.js";

export class UsageError extends Error {}

export type CliIo = { out: (text: string) => void; err: (text: string) => void; tty: boolean };

export type CliContext = {
  db: AppDb;
  keys: () => Promise<Keys>;
  io: CliIo;
  close: () => void;
  /** BALAGH_ENV=production: webhooks only to public https addresses. Unset counts as production. */
  production?: boolean;
};

export const openCliContext = async (io: CliIo, { migrate = false } = {}): Promise<CliContext> => {
  const config = loadNodeConfig((line) => io.err(`warning: ${line}\n`));
  const { client, db } = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    if (migrate) await migrateDatabase(db);
    else await requireMigrated(client);
  } catch (error) {
    client.close();
    throw error;
  }
  return {
    db,
    keys: () => deriveKeys(config.masterKey),
    io,
    close: () => client.close(),
    production: config.production,
  };
};

const MIGRATIONS = fileURLToPath(new URL("../db/migrations", import.meta.url));

/** Drizzle's migrator records each applied migration by its journal time; anything newer is pending. */
const requireMigrated = async (client: Client) => {
  const latest = Math.max(0, ...readMigrationFiles({ migrationsFolder: MIGRATIONS }).map((m) => m.folderMillis));
  const table = await client.execute(
    "select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'",
  );
  const applied = table.rows.length
    ? Number((await client.execute("select max(created_at) as at from __drizzle_migrations")).rows[0]?.at ?? 0)
    : 0;
  if (applied < latest)
    throw new Error("the database is not migrated to this version of Balagh: run `pnpm balagh migrate` first");
};

/** A progress line that rewrites itself on a terminal and stays silent in pipes and CI logs. */
export const progress = (io: CliIo) => (done: number, total: number, what: string) => {
  if (!io.tty) return;
  io.err(`\r\x1b[2K[${done}/${total}] ${what}${done === total ? "\n" : ""}`);
};
