import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { demoPartnerSite } from "./demo/partner-site.js";
import { loadDeployment } from "./deployments/index.js";
import { seedDeployment } from "./deployments/seed.js";
import { EnvError } from "./env.js";
import { nodeClientAddress } from "./node/client-address.js";
import { loadNodeConfig } from "./node/config.js";
import { migrateDatabase, openDatabase } from "./node/database.js";
import { purgeExpired } from "./maintenance/purge.js";
import { deriveKeys } from "./security/keys.js";
import { partners } from "./db/schema.js";

const MAINTENANCE_EVERY_MS = 10 * 60 * 1000;
const log = (line: string) => console.log(line);
const warn = (line: string) => console.warn(`WARNING: ${line}`);

const main = async () => {
  const config = loadNodeConfig(warn);
  const { client, db } = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  await migrateDatabase(db);
  const demo = !config.production;
  const demoPartnerOrigin = `http://127.0.0.1:${config.demoPartnerPort}`;
  if (demo && (await db.select({ id: partners.id }).from(partners).limit(1)).length === 0) {
    const seeded = await seedDeployment(db, loadDeployment("mauritania"), { demoPartnerOrigin });
    log(`Seeded the Mauritania demo deployment (${seeded.agencies} agencies, ${seeded.partners} partner).`);
  }
  const app = createApp({
    db,
    keys: await deriveKeys(config.masterKey),
    config,
    clientAddress: nodeClientAddress(config.trustProxy),
    log: (line) => console.error(line),
  });
  const servers = [
    serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => log(`Hotline:      ${config.publicUrl}`)),
  ];
  if (demo) {
    const site = demoPartnerSite(config.publicUrl);
    servers.push(
      serve({ fetch: site.fetch, port: config.demoPartnerPort, hostname: "127.0.0.1" }, () =>
        log(`Demo partner: ${demoPartnerOrigin}  (a partner page on another origin that embeds the widget)`),
      ),
    );
    log("Staff console: create an account with `pnpm balagh create-staff --email E --password P --role admin`.");
  }
  const maintenance = setInterval(() => purgeExpired(db).catch(() => log("maintenance skipped: database busy")), MAINTENANCE_EVERY_MS);
  const stop = () => {
    clearInterval(maintenance);
    for (const server of servers) server.close();
    client.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? `Configuration error: ${error.message}` : `Could not start: ${(error as Error).message}`);
  process.exit(1);
});
