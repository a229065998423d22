import type { CaptchaSolution } from "@balagh/shared";
import type { Services } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { allowedCaptchas } from "../partners/config.js";
import type { Partner } from "../partners/repository.js";
import { captchaSpend } from "../security/captcha/spend.js";
import { type CaptchaResult, CaptchaUnavailableError } from "../security/captcha/types.js";
import { clientBucket, type RateLimit } from "../security/rate-limit.js";

/**
 * The widget runs in an iframe served by the hotline itself, so a browser request from any
 * other origin is a page trying to post tips in its visitors' names. No Origin = an API client.
 */
export const checkOrigin = (services: Services, origin: string | undefined) => {
  if (origin !== undefined && origin !== services.publicOrigin) {
    throw new ApiError(403, "origin_not_allowed", "Reports are accepted only from the hotline's own form.");
  }
};

const runVerifier = (services: Services, solution: CaptchaSolution): Promise<CaptchaResult> => {
  if (solution.provider === "altcha") return services.altcha.verify(solution);
  if (!services.hcaptcha) throw new ApiError(403, "captcha_not_allowed", "hCaptcha is not configured on this hotline.");
  return services.hcaptcha.verify(solution);
};

export const checkCaptcha = async (services: Services, partner: Partner, solution: CaptchaSolution) => {
  if (!allowedCaptchas(partner, services)[solution.provider]) {
    throw new ApiError(403, "captcha_not_allowed", `This partner does not accept the ${solution.provider} captcha.`);
  }
  let result: CaptchaResult;
  try {
    result = await runVerifier(services, solution);
  } catch (error) {
    if (!(error instanceof CaptchaUnavailableError)) throw error;
    services.log(`captcha unavailable: ${error.message}`);
    throw new ApiError(503, "service_unavailable", "The captcha could not be checked just now. Please try again.", {
      headers: { "Retry-After": "10" },
    });
  }
  if (!result.ok) {
    throw new ApiError(
      403,
      "captcha_failed",
      `The captcha was not accepted (${result.reason}). Please solve it again.`,
    );
  }
  return captchaSpend(services.db, services.keys, result.identity, services.now());
};

export const captchaAlreadyUsed = () =>
  new ApiError(403, "captcha_failed", "This captcha answer was already used. Please solve a new one.");

/** A client may try this many times the reports it may file, so a few failed captchas cost a reporter nothing. */
export const ATTEMPTS_PER_REPORT = 3;

const take = async (services: Services, scope: string, address: string | undefined, limit: RateLimit) => {
  const now = services.now();
  const decision = await services.rateLimiter(await clientBucket(services.keys, scope, address, now), limit, now);
  if (!decision.allowed) {
    throw new ApiError(
      429,
      "rate_limited",
      `Too many reports from this connection. Please wait ${Math.ceil(decision.retryAfterSeconds / 60)} minute(s) and try again; your answers are kept.`,
      { headers: { "Retry-After": String(decision.retryAfterSeconds) } },
    );
  }
};

/** Taken before the captcha is checked: junk tokens must not make the hotline call siteverify without end. */
export const checkAttemptAllowance = (services: Services, address: string | undefined) =>
  take(services, "tip-attempts", address, {
    max: services.tipRateLimit.max * ATTEMPTS_PER_REPORT,
    windowSeconds: services.tipRateLimit.windowSeconds,
  });

export const checkRateLimit = (services: Services, address: string | undefined) =>
  take(services, "tips", address, services.tipRateLimit);
