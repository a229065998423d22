import { emergencyNumbersFor, type Language, type PartnerConfig } from "@balagh/shared";
import type { Services } from "../deps.js";
import type { Partner } from "./repository.js";

export const allowedCaptchas = (partner: Partner, services: Services) => ({
  hcaptcha: partner.captchaProviders.includes("hcaptcha") && services.hcaptcha !== null,
  altcha: partner.captchaProviders.includes("altcha"),
});

export const partnerConfig = (partner: Partner, services: Services): PartnerConfig => {
  const captcha = allowedCaptchas(partner, services);
  return {
    partner: partner.key,
    name: partner.name,
    languages: partner.languages as Language[],
    defaultLanguage: partner.defaultLanguage as Language,
    countries: partner.countries.map((code) => ({ code, emergency: [...emergencyNumbersFor(code)] })),
    defaultCountry: partner.defaultCountry,
    captcha: {
      hcaptcha: captcha.hcaptcha && services.hcaptcha ? { sitekey: services.hcaptcha.sitekey } : null,
      altcha: captcha.altcha
        ? { challengeUrl: `${services.publicUrl}/api/v1/captcha/altcha?partner=${encodeURIComponent(partner.key)}` }
        : null,
    },
    exitUrl: partner.exitUrl,
    theme: partner.theme,
  };
};
