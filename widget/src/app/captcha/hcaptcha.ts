import { hCaptchaLoader } from "@hcaptcha/loader";

type HCaptcha = {
  render(container: HTMLElement, params: Record<string, unknown>): string;
  remove(widgetId: string): void;
};

export type HcaptchaOptions = {
  sitekey: string;
  /** boot.hcaptchaScriptUrl: hCaptcha's api.js in production, a local stand-in in tests. */
  scriptUrl: string;
  lang: string;
  onToken: (token: string) => void;
  onExpired: () => void;
};

/**
 * Loads hCaptcha's script and renders an explicit widget into `container`; resolves once it is
 * shown. `sentry: false`: the loader would otherwise report its errors to hCaptcha's Sentry, a
 * request the reporter's safety does not need (DESIGN.md, "Captcha").
 */
export const mountHcaptcha = async (container: HTMLElement, options: HcaptchaOptions) => {
  const hcaptcha = (await hCaptchaLoader({
    sentry: false,
    scriptSource: options.scriptUrl,
    render: "explicit",
    recaptchacompat: "off",
    hl: options.lang,
    maxRetries: 1,
    retryDelay: 500,
  })) as HCaptcha;
  const widgetId = hcaptcha.render(container, {
    sitekey: options.sitekey,
    hl: options.lang,
    callback: options.onToken,
    "expired-callback": options.onExpired,
    "chalexpired-callback": options.onExpired,
  });
  return {
    remove: () => {
      try {
        hcaptcha.remove(widgetId);
      } catch {
        // Already gone with its container.
      }
    },
  };
};
