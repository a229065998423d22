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
  if (migrate) await migrateDatabase(db);
  return {
    db,
    keys: () => deriveKeys(config.masterKey),
    io,
    close: () => client.close(),
    production: config.production,
  };
};

/** A progress line that rewrites itself on a terminal and stays silent in pipes and CI logs. */
export const progress = (io: CliIo) => (done: number, total: number, what: string) => {
  if (!io.tty) return;
  io.err(`\r\x1b[2K[${done}/${total}] ${what}${done === total ? "\n" : ""}`);
};
