import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { partners } from "./db/schema.js";
import { runDeliveries } from "./delivery/dispatcher.js";
import { storedNewTip } from "./delivery/kick.js";
import { startDeliveryLoop } from "./delivery/loop.js";
import { demoPartnerSite } from "./demo/partner-site.js";
import { loadDeployment } from "./deployments/index.js";
import { seedDeployment } from "./deployments/seed.js";
import { EnvError } from "./env.js";
import { purgeExpired } from "./maintenance/purge.js";
import { nodeClientAddress } from "./node/client-address.js";
import { loadNodeConfig } from "./node/config.js";
import { nodeCryptoBackend } from "./node/crypto-backend.js";
import { migrateDatabase, openDatabase } from "./node/database.js";
import { undiciFormPost } from "./node/form-post.js";
import { memoryRateLimiter } from "./node/memory-rate-limiter.js";
import { nodeWebhookDelivery } from "./node/webhook-fetch.js";
import { loadWidgetBuild } from "./node/widget-build.js";
import { useCryptoBackend } from "./security/crypto-backend.js";
import { deriveKeys } from "./security/keys.js";
import { sealLegacyFreeText } from "./tips/legacy.js";

const MAINTENANCE_EVERY_MS = 10 * 60 * 1000;
const DELIVERIES_EVERY_MS = 15_000;
const DELIVERIES_PER_PASS = 25;
const log = (line: string) => console.log(line);
const warn = (line: string) => console.warn(`WARNING: ${line}`);

const main = async () => {
  useCryptoBackend(nodeCryptoBackend);
  const config = loadNodeConfig(warn);
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  const { db, commit } = database;
  await migrateDatabase(db);
  const demo = !config.production;
  const demoPartnerOrigin = `http://127.0.0.1:${config.demoPartnerPort}`;
  if (demo && (await db.select({ id: partners.id }).from(partners).limit(1)).length === 0) {
    const seeded = await seedDeployment(db, loadDeployment("mauritania"), { demoPartnerOrigin });
    log(`Seeded the Mauritania demo deployment (${seeded.agencies} agencies, ${seeded.partners} partner).`);
  }
  const keys = await deriveKeys(config.masterKey);
  const sealed = await sealLegacyFreeText(db, async () => keys);
  if (sealed > 0) log(`Sealed the free text that ${sealed} older tip(s) kept in the clear.`);
  const webhooks = nodeWebhookDelivery(config.production);
  const app = createApp({
    webhooks,
    db,
    commit,
    rateLimiter: memoryRateLimiter(),
    formPost: undiciFormPost(),
    keys,
    config,
    clientAddress: nodeClientAddress(config.trustProxy),
    log: (line) => console.error(line),
    widget: loadWidgetBuild(),
  });
  const deliveries = startDeliveryLoop(
    () => runDeliveries({ db, keys, log: (line) => console.error(line) }, { limit: DELIVERIES_PER_PASS, ...webhooks }),
    {
      everyMs: DELIVERIES_EVERY_MS,
      limit: DELIVERIES_PER_PASS,
      onError: () => log("deliveries: a pass failed; the next one retries"),
    },
  );
  // A new tip's deliveries (a P0 above all) leave right after its 201, not at the next pass.
  const fetchAndKick = async (request: Request, env: unknown) => {
    const response = await app.fetch(request, env);
    if (storedNewTip(request, response)) deliveries.kick();
    return response;
  };
  const servers = [
    serve({ fetch: fetchAndKick, port: config.port, hostname: config.host }, () =>
      log(`Hotline:      ${config.publicUrl}`),
    ),
  ];
  if (demo) {
    const site = demoPartnerSite(config.publicUrl);
    servers.push(
      serve({ fetch: site.fetch, port: config.demoPartnerPort, hostname: "127.0.0.1" }, () =>
        log(`Demo partner: ${demoPartnerOrigin}  (a partner page on another origin that embeds the widget)`),
      ),
    );
    log(`Report form:  ${config.publicUrl}/report/demo  (the full-page form, for direct links)`);
    log(
      `Console:      ${config.publicUrl}/console  (sign in with an account from \`pnpm balagh create-staff --email E --role admin\`; it asks for the password)`,
    );
  }
  const maintenance = setInterval(
    () => purgeExpired(db).catch(() => log("maintenance skipped: database busy")),
    MAINTENANCE_EVERY_MS,
  );
  const stop = () => {
    clearInterval(maintenance);
    void deliveries.stop();
    for (const server of servers) server.close();
    database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};

main().catch((error: unknown) => {
  console.error(
    error instanceof EnvError
      ? `Configuration error: ${error.message}`
      : `Could not start: ${(error as Error).message}`,
  );
  process.exit(1);
});
