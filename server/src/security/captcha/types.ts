import type { CaptchaSolution } from "@balagh/shared";

export type CaptchaProvider = CaptchaSolution["provider"];

/**
 * `identity` names the solved challenge itself, not the bytes it arrived in, so that spending it
 * once holds however the client re-encodes the same solution.
 */
export type CaptchaResult = { ok: true; identity: string } | { ok: false; reason: string };

/** One interface for every captcha, so the intake pipeline does not care which one the partner uses. */
export type CaptchaVerifier<P extends CaptchaProvider = CaptchaProvider> = {
  provider: P;
  verify(solution: Extract<CaptchaSolution, { provider: P }>): Promise<CaptchaResult>;
};

export class CaptchaUnavailableError extends Error {}
