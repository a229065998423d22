import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateMasterKey } from "../security/keys.js";

/** Demo mode only: one key per data folder, made once, so sealed tips stay readable across restarts. */
export const demoMasterKey = (dataDir: string): { key: string; created: boolean; path: string } => {
  const path = join(dataDir, "master.key");
  if (existsSync(path)) return { key: readFileSync(path, "utf8").trim(), created: false, path };
  const key = generateMasterKey();
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: "wx" });
  return { key, created: true, path };
};
