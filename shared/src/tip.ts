import { z } from "zod";
import { countryCode } from "./countries.js";
import {
  AGE_BANDS,
  CHILD_INVOLVED,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  INDICATORS,
  LANGUAGES,
  REPORTER_ROLES,
  SAFE_TO_CONTACT,
  SEXES,
  SITUATIONS,
  VICTIM_CONSENT,
  WHEN,
} from "./taxonomy.js";
import { boundedText, NARRATIVE_MAX, shortText } from "./text.js";

export const partnerKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a partner key: lower-case letters, digits and dashes");

const setOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, `lists a ${what} twice`);

export const locationSchema = z.strictObject({
  country: countryCode,
  region: shortText().optional(),
  town: shortText().optional(),
  place: shortText().optional(),
});

export const peopleSchema = z.strictObject({
  count: z.number().int().min(1).max(100_000).optional(),
  ageBands: setOf(AGE_BANDS, "age band").optional(),
  sexes: setOf(SEXES, "sex").optional(),
  nationalities: z.array(countryCode).max(20).optional(),
  languages: shortText().optional(),
});

export const detailsSchema = z.strictObject({
  suspects: shortText().optional(),
  vehicles: shortText().optional(),
  boats: shortText().optional(),
  phoneNumbers: shortText().optional(),
  places: shortText().optional(),
});

export const contactSchema = z.strictObject({
  name: shortText().optional(),
  means: boundedText(500, { min: 1 }),
  safeToContact: z.enum(SAFE_TO_CONTACT),
  safeTimes: shortText().optional(),
});

export const tipSchema = z
  .strictObject({
    language: z.enum(LANGUAGES),
    dangerNow: z.enum(DANGER_NOW),
    reporterRole: z.enum(REPORTER_ROLES),
    location: locationSchema,
    when: z.enum(WHEN),
    situations: setOf(SITUATIONS, "situation").default([]),
    childInvolved: z.enum(CHILD_INVOLVED),
    people: peopleSchema.optional(),
    indicators: setOf(INDICATORS, "indicator").default([]),
    narrative: boundedText(NARRATIVE_MAX, { min: 1 }),
    details: detailsSchema.optional(),
    otherCountries: z.array(countryCode).max(10).optional(),
    disclosure: z.enum(DISCLOSURE_LEVELS),
    contact: contactSchema.optional(),
    victimConsentPolice: z.enum(VICTIM_CONSENT).optional(),
  })
  .superRefine((tip, ctx) => {
    if (tip.disclosure === "anonymous" && tip.contact) {
      ctx.addIssue({
        code: "custom",
        path: ["contact"],
        message: "an anonymous report cannot carry contact details; choose 'confidential' to be contacted",
      });
    }
    if (tip.reporterRole === "victim" && !tip.victimConsentPolice) {
      ctx.addIssue({
        code: "custom",
        path: ["victimConsentPolice"],
        message: "is required when the reporter is the victim",
      });
    }
    if (tip.reporterRole !== "victim" && tip.victimConsentPolice) {
      ctx.addIssue({
        code: "custom",
        path: ["victimConsentPolice"],
        message: "is asked only when the reporter is the victim",
      });
    }
  });

export const captchaSolutionSchema = z.discriminatedUnion("provider", [
  z.strictObject({ provider: z.literal("hcaptcha"), response: z.string().min(1).max(8192) }),
  z.strictObject({ provider: z.literal("altcha"), payload: z.string().min(1).max(8192) }),
]);

export const tipSubmissionSchema = z.strictObject({
  partner: partnerKey,
  captcha: captchaSolutionSchema,
  tip: tipSchema,
});

export const tipReceiptSchema = z.strictObject({ receipt: z.string().regex(/^\d{20}$/) });

export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, "must be 8 to 128 letters, digits, '-' or '_' (a UUID is fine)");

export type Tip = z.infer<typeof tipSchema>;
export type TipInput = z.input<typeof tipSchema>;
export type CaptchaSolution = z.infer<typeof captchaSolutionSchema>;
export type TipSubmission = z.infer<typeof tipSubmissionSchema>;
export type TipReceipt = z.infer<typeof tipReceiptSchema>;
