import { countryCode, LANGUAGES, partnerKey, themeSchema } from "@balagh/shared";
import { z } from "zod";
import { partnerExitUrl, partnerOrigin } from "../partners/origin.js";
import { LAW_ENFORCEMENT_KINDS } from "../routing/index.js";
import { ruleConditionsSchema } from "../routing/rules.js";
import { hotlineSettingsSchema } from "../settings/hotline.js";

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

export const deploymentSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string(),
    hotline: hotlineSettingsSchema.optional(),
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
          /** Informed of every tip (at least notified), whatever the rules say: the national referral mechanism. */
          coordinating: z.boolean().optional(),
          /** Kept for its tips, but receives no new ones (an agency with tips is disabled, not deleted). */
          disabled: z.boolean().optional(),
        }),
      )
      .min(1),
    partners: z.array(
      z.strictObject({
        key: partnerKey,
        name: z.string().min(1).max(200),
        allowedOrigins: z.array(partnerOrigin).min(1),
        languages: z.array(z.enum(LANGUAGES)).min(1),
        defaultLanguage: z.enum(LANGUAGES),
        countries: z.array(countryCode).min(1),
        defaultCountry: countryCode,
        captchaProviders: z.array(z.enum(["hcaptcha", "altcha"])).min(1),
        exitUrl: partnerExitUrl,
        theme: themeSchema,
        /** Its widget and intake answer as for an unknown key. */
        disabled: z.boolean().optional(),
      }),
    ),
    /** Evaluated in this order; each names an agency by slug. */
    rules: z.array(
      z.strictObject({
        name: z.string().min(1).max(200),
        when: ruleConditionsSchema,
        agency: z.string(),
        role: z.enum(["primary", "notify"]),
        /** Kept in its place but skipped by routing. */
        enabled: z.boolean().optional(),
      }),
    ),
  })
  .refine((d) => d.agencies.filter((a) => a.fallback).length === 1, "exactly one agency must be the fallback")
  .refine((d) => d.agencies.filter((a) => a.coordinating).length <= 1, "at most one agency may be the coordinating one")
  // Every tip would reach it, adult victims who refused the police included (DOMAIN.md safety rule 11).
  .refine(
    (d) => d.agencies.every((a) => !a.coordinating || !LAW_ENFORCEMENT_KINDS.includes(a.kind)),
    "the coordinating agency cannot be police, gendarmerie or coast guard",
  )
  .refine(
    (d) => d.rules.every((r) => d.agencies.some((a) => a.slug === r.agency)),
    "every rule must name an agency of the deployment",
  );

export type Deployment = z.infer<typeof deploymentSchema>;
