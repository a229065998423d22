import { z } from "zod";
import { countryCode } from "./countries.js";
import { LANGUAGES } from "./taxonomy.js";

const emergencyNumberSchema = z.strictObject({
  service: z.string(),
  number: z.string(),
  verified: z.boolean(),
  note: z.string().optional(),
});

export const themeSchema = z.strictObject({
  accent: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  launcherLabel: z.string().max(60).optional(),
});

/** What the widget needs to render for one partner; public, so it holds nothing secret. */
export const partnerConfigSchema = z.strictObject({
  partner: z.string(),
  name: z.string(),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  defaultLanguage: z.enum(LANGUAGES),
  countries: z.array(z.strictObject({ code: countryCode, emergency: z.array(emergencyNumberSchema) })).min(1),
  defaultCountry: countryCode,
  captcha: z.strictObject({
    hcaptcha: z.strictObject({ sitekey: z.string() }).nullable(),
    altcha: z.strictObject({ challengeUrl: z.string() }).nullable(),
  }),
  exitUrl: z.url(),
  theme: themeSchema,
});

export type PartnerConfig = z.infer<typeof partnerConfigSchema>;
export type Theme = z.infer<typeof themeSchema>;
