import { z } from "zod";
import { parseQueueTargets, type QueueTargetOverrides } from "./console/queue/targets.js";
import { HCAPTCHA_SCRIPT_URL, HCAPTCHA_TEST_SECRET, HCAPTCHA_TEST_SITEKEY } from "./security/captcha/hcaptcha.js";
import { decodeMasterKey } from "./security/keys.js";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const rawEnv = z.object({
  PORT: port(8787),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: optional.pipe(z.url().optional()),
  DATABASE_URL: optional,
  DATABASE_AUTH_TOKEN: optional,
  BALAGH_ENV: z.enum(["development", "production"]).default("development"),
  BALAGH_MASTER_KEY: optional,
  HCAPTCHA_SITEKEY: optional,
  HCAPTCHA_SECRET: optional,
  HCAPTCHA_VERIFY_URL: z.url().default("https://api.hcaptcha.com/siteverify"),
  HCAPTCHA_SCRIPT_URL: z.url().default(HCAPTCHA_SCRIPT_URL),
  ALTCHA_HMAC_KEY: optional,
  DEMO_PARTNER_PORT: port(8788),
  TRUST_PROXY: flag,
  TIP_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(20),
  TIP_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  STAFF_TOTP_REQUIRED: flag,
  QUEUE_TARGETS: optional,
});

export type Env = ReturnType<typeof parseEnv>;

export class EnvError extends Error {}

/**
 * Parsed once at start-up; production refuses to start on a missing secret rather than fall back to a default.
 * `databaseBinding`: the runtime provides the database itself (a Worker's D1 binding), so no URL is needed.
 */
export const parseEnv = (source: Record<string, string | undefined>, { databaseBinding = false } = {}) => {
  const parsed = rawEnv.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const env = parsed.data;
  const production = env.BALAGH_ENV === "production";
  const problems: string[] = [];
  if (production) {
    if (!env.BALAGH_MASTER_KEY) problems.push("BALAGH_MASTER_KEY is required (32 random bytes, base64)");
    if (!env.PUBLIC_URL) problems.push("PUBLIC_URL is required (the hotline's https address)");
    if (!env.DATABASE_URL && !databaseBinding)
      problems.push("DATABASE_URL is required (or, on Workers, a D1 binding DB)");
    if (!env.HCAPTCHA_SECRET && !env.ALTCHA_HMAC_KEY)
      problems.push("a captcha is required: HCAPTCHA_SECRET or ALTCHA_HMAC_KEY");
    if (env.HCAPTCHA_SECRET && !env.HCAPTCHA_SITEKEY)
      problems.push("HCAPTCHA_SITEKEY is required with HCAPTCHA_SECRET");
    if (env.HCAPTCHA_SECRET === HCAPTCHA_TEST_SECRET) problems.push("HCAPTCHA_SECRET is hCaptcha's public test secret");
  }
  if (env.BALAGH_MASTER_KEY) {
    try {
      decodeMasterKey(env.BALAGH_MASTER_KEY);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  let queueTargets: QueueTargetOverrides = {};
  try {
    queueTargets = parseQueueTargets(env.QUEUE_TARGETS);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new EnvError(problems.join("; "));

  const hcaptchaSecret = env.HCAPTCHA_SECRET ?? (production ? undefined : HCAPTCHA_TEST_SECRET);
  return {
    production,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    databaseUrl: env.DATABASE_URL ?? "file:./data/balagh.db",
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    masterKey: env.BALAGH_MASTER_KEY,
    hcaptcha: hcaptchaSecret
      ? {
          sitekey: env.HCAPTCHA_SITEKEY ?? HCAPTCHA_TEST_SITEKEY,
          secret: hcaptchaSecret,
          verifyUrl: env.HCAPTCHA_VERIFY_URL,
        }
      : null,
    hcaptchaScriptUrl: env.HCAPTCHA_SCRIPT_URL,
    altchaSecret: env.ALTCHA_HMAC_KEY,
    demoPartnerPort: env.DEMO_PARTNER_PORT,
    trustProxy: env.TRUST_PROXY,
    tipRateLimit: { max: env.TIP_RATE_LIMIT_MAX, windowSeconds: env.TIP_RATE_LIMIT_WINDOW_SECONDS },
    /** Every staff member signs in with a TOTP code, not only admins and supervisors. */
    staffTotpRequired: env.STAFF_TOTP_REQUIRED,
    /** When the queue marks an open tip overdue, for the priorities QUEUE_TARGETS names; they override the deployment file. */
    queueTargets,
  };
};
