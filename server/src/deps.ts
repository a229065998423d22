import type { Context } from "hono";
import type { AppDb } from "./db/types.js";
import type { Env } from "./env.js";
import { type AltchaOptions, altchaVerifier } from "./security/captcha/altcha.js";
import { hcaptchaVerifier } from "./security/captcha/hcaptcha.js";
import type { CaptchaVerifier } from "./security/captcha/types.js";
import type { Keys } from "./security/keys.js";
import type { RateLimit } from "./security/rate-limit.js";
import type { WidgetBuild } from "./widget/build.js";

export type AppConfig = Pick<Env, "publicUrl" | "hcaptcha" | "tipRateLimit"> & {
  altchaSecret?: string | undefined;
  hcaptchaScriptUrl?: string;
};

/** What the runtime (Node, workerd, a test) hands to `createApp`. */
export type AppDeps = {
  db: AppDb;
  keys: Keys;
  config: AppConfig;
  /** The caller's address, used only as HMAC input for rate limiting; never stored or logged. */
  clientAddress: (c: Context) => string | undefined;
  fetch?: typeof fetch;
  now?: () => Date;
  log?: (line: string) => void;
  altcha?: Pick<AltchaOptions, "cost" | "difficulty">;
  /** The built widget (loader and app); without it the widget routes answer 503. */
  widget?: WidgetBuild | null;
};

export type Services = {
  db: AppDb;
  keys: Keys;
  publicOrigin: string;
  publicUrl: string;
  clientAddress: AppDeps["clientAddress"];
  now: () => Date;
  log: (line: string) => void;
  tipRateLimit: RateLimit;
  hcaptcha: (CaptchaVerifier<"hcaptcha"> & { sitekey: string }) | null;
  altcha: CaptchaVerifier<"altcha">;
  altchaOptions: AltchaOptions;
};

export const resolveServices = (deps: AppDeps): Services => {
  const now = deps.now ?? (() => new Date());
  const altchaOptions: AltchaOptions = {
    secret: deps.config.altchaSecret ?? deps.keys.altchaSecret,
    now,
    ...deps.altcha,
  };
  const hcaptcha = deps.config.hcaptcha;
  return {
    db: deps.db,
    keys: deps.keys,
    publicOrigin: new URL(deps.config.publicUrl).origin,
    publicUrl: deps.config.publicUrl.replace(/\/$/, ""),
    clientAddress: deps.clientAddress,
    now,
    log: deps.log ?? (() => {}),
    tipRateLimit: deps.config.tipRateLimit,
    hcaptcha: hcaptcha
      ? { ...hcaptchaVerifier(deps.fetch ? { ...hcaptcha, fetch: deps.fetch } : hcaptcha), sitekey: hcaptcha.sitekey }
      : null,
    altcha: altchaVerifier(altchaOptions),
    altchaOptions,
  };
};
