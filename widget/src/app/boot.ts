import type { PartnerConfig } from "@shared/partner-config.js";
import { LANGUAGES, type Language } from "@shared/taxonomy.js";

export type Mode = "iframe" | "page";

export type Boot = {
  config: PartnerConfig;
  mode: Mode;
  lang: Language;
  country: string | null;
  hcaptchaScriptUrl: string;
};

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * The server writes the boot data as JSON in the page (no inline script under its CSP). It is
 * trusted, but read defensively: a wrong language or country falls back rather than breaking the form.
 */
export const readBoot = (): Boot => {
  const raw = JSON.parse(document.getElementById("balagh-boot")?.textContent ?? "{}") as Partial<Boot>;
  const config = raw.config as PartnerConfig;
  if (!config || !Array.isArray(config.countries) || config.countries.length === 0) {
    throw new Error("balagh: missing partner configuration");
  }
  const offered = config.languages.filter(isLanguage);
  const lang = isLanguage(raw.lang) && offered.includes(raw.lang) ? raw.lang : config.defaultLanguage;
  const country = typeof raw.country === "string" && /^[A-Z]{2}$/.test(raw.country) ? raw.country : null;
  return {
    config,
    mode: raw.mode === "page" ? "page" : "iframe",
    lang,
    country,
    hcaptchaScriptUrl: raw.hcaptchaScriptUrl || "https://js.hcaptcha.com/1/api.js",
  };
};
