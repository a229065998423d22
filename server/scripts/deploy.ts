import { spawnSync } from "node:child_process";
import { REPO_ROOT, WRANGLER, wranglerEnv } from "../src/cli/d1.js";

/**
 * `pnpm run deploy [-- wrangler deploy flags]`: the Worker and the widget build (already built by the script) as
 * wrangler.toml describes them. `pnpm run deploy -- --dry-run --outdir DIR` builds the upload without sending it.
 */
const args = process.argv.slice(2).filter((arg) => arg !== "--");
const result = spawnSync(WRANGLER, ["deploy", ...args], { cwd: REPO_ROOT, env: wranglerEnv(), stdio: "inherit" });
process.exit(result.status ?? 1);
