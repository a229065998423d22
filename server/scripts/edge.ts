import { join } from "node:path";
import { REPO_ROOT } from "../src/cli/d1.js";
import { startEdge } from "./edge-dev.js";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const log = (line: string) => console.log(line);

const main = async () => {
  const edge = await startEdge({
    dir: process.env.BALAGH_EDGE_DIR ?? join(REPO_ROOT, ".wrangler", "balagh-edge"),
    port: port("PORT", 8787),
    demoPort: port("DEMO_PARTNER_PORT", 8788),
    inspectorPort: port("INSPECTOR_PORT", 9229),
    log,
  });
  log(`Hotline:      ${edge.url}  (the Worker under workerd, local D1 in .wrangler/balagh-edge)`);
  log(`Demo partner: ${edge.demoUrl}  (a partner page on another origin that embeds the widget)`);
  log(`Report form:  ${edge.url}/report/demo  (the full-page form, for direct links)`);
  log(
    `Console:      ${edge.url}/console  (sign in with an account from \`BALAGH_MASTER_KEY=$(cat .wrangler/balagh-edge/master.key) pnpm balagh create-staff --d1 balagh --persist-to .wrangler/balagh-edge/state --email E --role admin\`)`,
  );
  const stop = () => void edge.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};

main().catch((error: unknown) => {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
});
