import { EnvError } from "../env.js";
import { deriveKeys } from "../security/keys.js";
import type { CliContext, CliIo } from "./context.js";
import { applyD1Migrations, type D1Target, openD1 } from "./d1.js";

export type D1CliContext = CliContext & { flush: () => Promise<void> };

/**
 * The CLI's commands against a D1 database through wrangler (`--d1 NAME [--remote]`). Only commands that seal
 * or unseal need BALAGH_MASTER_KEY, and it must be the Worker's own (the secret set with `wrangler secret put`):
 * a Worker keeps no key file to share, so none is generated here.
 */
export const openD1CliContext = async (
  io: CliIo,
  target: D1Target,
  { migrate = false } = {},
): Promise<D1CliContext> => {
  if (migrate) await applyD1Migrations(target);
  const { db, flush } = openD1(target);
  return {
    db,
    flush,
    io,
    keys: () => {
      const key = process.env.BALAGH_MASTER_KEY?.trim();
      if (!key) throw new EnvError("BALAGH_MASTER_KEY is required with --d1: the Worker's own key");
      return deriveKeys(key);
    },
    close: () => {},
    production: process.env.BALAGH_ENV !== "development",
  };
};

export const isD1Context = (ctx: CliContext): ctx is D1CliContext => "flush" in ctx;

/** `--d1 NAME [--remote] [--persist-to DIR]` picks D1 through wrangler; otherwise DATABASE_URL as always. */
export const d1TargetOf = (flags: Record<string, string | boolean | undefined>): D1Target | null =>
  typeof flags.d1 === "string"
    ? {
        name: flags.d1,
        remote: flags.remote === true,
        persistTo: typeof flags["persist-to"] === "string" ? flags["persist-to"] : undefined,
      }
    : null;

export const D1_OPTIONS = {
  d1: { type: "string" },
  remote: { type: "boolean" },
  "persist-to": { type: "string" },
} as const;

export const D1_USAGE = `
Every command takes --d1 NAME [--remote] to work on the Worker's D1 database (NAME as in wrangler.toml) through
wrangler instead of DATABASE_URL: the local one (wrangler dev's; --persist-to DIR as given to wrangler) or, with
--remote, Cloudflare's. Commands that seal (create-staff) need the Worker's BALAGH_MASTER_KEY in the environment.`;
