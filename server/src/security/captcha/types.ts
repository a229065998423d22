import type { CaptchaSolution } from "@balagh/shared";

export type CaptchaProvider = CaptchaSolution["provider"];

export type CaptchaResult = { ok: true } | { ok: false; reason: string };

/** One interface for every captcha, so the intake pipeline does not care which one the partner uses. */
export type CaptchaVerifier<P extends CaptchaProvider = CaptchaProvider> = {
  provider: P;
  verify(solution: Extract<CaptchaSolution, { provider: P }>): Promise<CaptchaResult>;
};

export class CaptchaUnavailableError extends Error {}
