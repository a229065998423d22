import { runDeliveries } from "../delivery/dispatcher.js";
import { listUndelivered } from "../delivery/list.js";
import { nodeWebhookDelivery } from "../node/webhook-fetch.js";
import type { CliContext } from "./context.js";

const CRON_PASS_LIMIT = 100;

/** One pass, for a cron job: what was sent, what waits for a retry, what gave up. */
export const runDeliveryPass = async (ctx: CliContext) => {
  const pass = await runDeliveries(
    { db: ctx.db, keys: await ctx.keys(), log: (line) => ctx.io.err(`${line}\n`) },
    { limit: CRON_PASS_LIMIT, ...nodeWebhookDelivery(ctx.production ?? true) },
  );
  return { delivered: pass.delivered, retried: pass.retried, dead: pass.dead };
};

export const listDeliveries = (ctx: CliContext) => listUndelivered(ctx.db);
