import { mkdirSync } from "node:fs";
import { type Env, parseEnv } from "../env.js";
import { dataDirOf } from "./database.js";
import { demoMasterKey } from "./master-key.js";

export type NodeConfig = Env & { masterKey: string };

/** process.env parsed once; in development a missing master key is made and kept in the data folder, with a warning. */
export const loadNodeConfig = (warn: (line: string) => void): NodeConfig => {
  const env = parseEnv(process.env);
  if (env.masterKey) return { ...env, masterKey: env.masterKey };
  const dataDir = dataDirOf(env.databaseUrl);
  mkdirSync(dataDir, { recursive: true });
  const demo = demoMasterKey(dataDir);
  warn(
    `${demo.created ? "Generated" : "Using"} the demo master key in ${demo.path}. ` +
      "Demo mode only: production must set BALAGH_MASTER_KEY (32 random bytes, base64) and keep it safe.",
  );
  return { ...env, masterKey: demo.key };
};
