import { mkdirSync } from "node:fs";
import ipaddr from "ipaddr.js";
import { type Env, EnvError, parseEnv } from "../env.js";
import { dataDirOf } from "./database.js";
import { demoMasterKey } from "./master-key.js";

export type NodeConfig = Env & { masterKey: string };

const isLoopback = (host: string) => {
  const bare = host.replace(/^\[|\]$/g, "");
  return bare === "localhost" || (ipaddr.isValid(bare) && ipaddr.process(bare).range() === "loopback");
};

/**
 * Development mode runs on hCaptcha's public test secret (whose published token always passes), a
 * generated key and the demo partner: safe on this machine only, never facing a network.
 */
export const checkListenAddress = (env: Pick<Env, "production" | "host">) => {
  if (!env.production && !isLoopback(env.host)) {
    throw new EnvError(
      `HOST=${env.host} would expose development mode (test captcha, demo partner, generated key) to the network. ` +
        "Serve on 127.0.0.1, or set BALAGH_ENV=production with its secrets (see the README).",
    );
  }
};

/** process.env parsed once; in development a missing master key is made and kept in the data folder, with a warning. */
export const loadNodeConfig = (warn: (line: string) => void): NodeConfig => {
  const env = parseEnv(process.env);
  checkListenAddress(env);
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
