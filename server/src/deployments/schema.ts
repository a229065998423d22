import { countryCode, LANGUAGES, partnerKey, themeSchema } from "@balagh/shared";
import { z } from "zod";

export const AGENCY_KINDS = [
  "national_authority",
  "police",
  "gendarmerie",
  "coast_guard",
  "child_protection",
  "human_rights",
  "prosecutor",
  "labour_inspection",
  "ngo",
  "ngo_shelter",
  "international_organisation",
  "un_focal_point",
  "other",
] as const;

const origin = z.url().refine((u) => new URL(u).origin === u, "must be an origin: scheme, host and port, no path");

export const deploymentSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string(),
    agencies: z
      .array(
        z.strictObject({
          slug: z.string().regex(/^[a-z0-9-]+$/),
          name: z.string().min(1).max(200),
          kind: z.enum(AGENCY_KINDS),
          country: countryCode,
          phone: z.string().max(40).optional(),
          unverified: z.boolean().optional(),
          fallback: z.boolean().optional(),
        }),
      )
      .min(1),
    partners: z.array(
      z.strictObject({
        key: partnerKey,
        name: z.string().min(1).max(200),
        allowedOrigins: z.array(origin).min(1),
        languages: z.array(z.enum(LANGUAGES)).min(1),
        defaultLanguage: z.enum(LANGUAGES),
        countries: z.array(countryCode).min(1),
        defaultCountry: countryCode,
        captchaProviders: z.array(z.enum(["hcaptcha", "altcha"])).min(1),
        exitUrl: z.url(),
        theme: themeSchema,
      }),
    ),
  })
  .refine((d) => d.agencies.filter((a) => a.fallback).length === 1, "exactly one agency must be the fallback");

export type Deployment = z.infer<typeof deploymentSchema>;
