import { describe, expect, it } from "vitest";
import { NARRATIVE_MAX, SHORT_TEXT_MAX } from "./text.js";
import { tipSchema, tipSubmissionSchema } from "./tip.js";

const tip = {
  language: "ar",
  dangerNow: "not_sure",
  reporterRole: "victim",
  victimConsentPolice: "no",
  location: { country: "MA" },
  when: "happening_now",
  childInvolved: "not_sure",
  narrative: "محتجزون في بيت ويطلبون فدية من عائلاتنا",
  disclosure: "anonymous",
};

const issuesOf = (value: unknown) => {
  const result = tipSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("tipSchema", () => {
  it("accepts the minimum a reporter must give, and defaults the lists", () => {
    const parsed = tipSchema.parse(tip);
    expect(parsed.situations).toEqual([]);
    expect(parsed.indicators).toEqual([]);
  });

  it("counts characters as a person does", () => {
    expect(issuesOf({ ...tip, narrative: "🧕".repeat(NARRATIVE_MAX) })).toEqual([]);
    expect(issuesOf({ ...tip, narrative: "🧕".repeat(NARRATIVE_MAX + 1) })).toEqual([
      "narrative: is too long: 10001 characters, at most 10000 allowed",
    ]);
    expect(issuesOf({ ...tip, location: { country: "MA", town: "é".repeat(SHORT_TEXT_MAX + 1) } })).toHaveLength(1);
    // A combining accent is its own code point: "é" written as e + U+0301 is two characters.
    expect(issuesOf({ ...tip, location: { country: "MA", town: "e\u0301".repeat(250) } })).toEqual([]);
  });

  it("keeps tabs and newlines, refuses other controls", () => {
    expect(issuesOf({ ...tip, narrative: "ligne 1\nligne 2\r\n\tfin" })).toEqual([]);
    expect(issuesOf({ ...tip, narrative: "a\u000bb" })[0]).toMatch(/U\+000B/);
    expect(issuesOf({ ...tip, narrative: "\ufeffBOM" })[0]).toMatch(/U\+FEFF/);
  });

  it("asks consent only of a victim, and contact only when not anonymous", () => {
    expect(issuesOf({ ...tip, victimConsentPolice: undefined })).toEqual([
      "victimConsentPolice: is required when the reporter is the victim",
    ]);
    expect(issuesOf({ ...tip, reporterRole: "witness" })).toEqual([
      "victimConsentPolice: is asked only when the reporter is the victim",
    ]);
    const contact = { means: "WhatsApp", safeToContact: "not_sure" };
    expect(issuesOf({ ...tip, contact })[0]).toMatch(/^contact: an anonymous report/);
    expect(issuesOf({ ...tip, disclosure: "confidential", contact })).toEqual([]);
    expect(issuesOf({ ...tip, disclosure: "confidential", contact: { ...contact, means: " " } })).toHaveLength(1);
  });

  it("refuses a country that is not ISO 3166-1", () => {
    expect(issuesOf({ ...tip, location: { country: "EU" } })).toHaveLength(1);
    expect(issuesOf({ ...tip, otherCountries: ["ES", "LY"] })).toEqual([]);
  });

  it("refuses a non-integer or absurd number of people", () => {
    expect(issuesOf({ ...tip, people: { count: 2.5 } })).toHaveLength(1);
    expect(issuesOf({ ...tip, people: { count: 1e9 } })).toHaveLength(1);
    expect(issuesOf({ ...tip, people: { count: 40, ageBands: ["12_to_17", "adult"], sexes: ["male"] } })).toEqual([]);
  });
});

describe("tipSubmissionSchema", () => {
  it("refuses an unknown captcha provider and an oversized token", () => {
    const base = { partner: "demo", tip };
    expect(tipSubmissionSchema.safeParse({ ...base, captcha: { provider: "recaptcha", response: "x" } }).success).toBe(
      false,
    );
    expect(
      tipSubmissionSchema.safeParse({ ...base, captcha: { provider: "hcaptcha", response: "x".repeat(8193) } }).success,
    ).toBe(false);
    expect(tipSubmissionSchema.safeParse({ ...base, captcha: { provider: "hcaptcha", response: "x" } }).success).toBe(
      true,
    );
  });

  it("refuses partner keys that are not slugs", () => {
    for (const partner of ["Demo", "../etc", "a b", "", "x".repeat(64)]) {
      expect(
        tipSubmissionSchema.safeParse({ partner, tip, captcha: { provider: "altcha", payload: "x" } }).success,
      ).toBe(false);
    }
  });
});
