import { describe, expect, it } from "vitest";
import { type EmergencyNumber, ROUTE_COUNTRIES } from "../countries.js";
import {
  AGE_BANDS,
  CHILD_INDICATORS,
  CHILD_INVOLVED,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  ILO_INDICATORS,
  INDICATORS,
  LANGUAGES,
  REPORTER_ROLES,
  ROUTE_INDICATORS,
  SAFE_TO_CONTACT,
  SEXES,
  SITUATIONS,
  VICTIM_CONSENT,
  WHEN,
} from "../taxonomy.js";
import { en } from "./en.js";
import { type Catalog, catalogs, format, isRtl, placeholders } from "./index.js";

const keys = Object.keys(en).sort();

// A Record keyed by the union makes this list fail to compile when a service is added to countries.ts.
const SERVICES: Record<EmergencyNumber["service"], true> = {
  police: true,
  gendarmerie: true,
  ambulance: true,
  fire: true,
  civil_protection: true,
  trafficking_line: true,
  children: true,
  security_green_line: true,
  emergency: true,
};

const TAXONOMY: [prefix: string, codes: readonly string[]][] = [
  ["danger", DANGER_NOW],
  ["role", REPORTER_ROLES],
  ["when", WHEN],
  ["situation", SITUATIONS],
  ["indicator", INDICATORS],
  ["child", CHILD_INVOLVED],
  ["age", AGE_BANDS],
  ["sex", SEXES],
  ["disclosure", DISCLOSURE_LEVELS],
  ["consent", VICTIM_CONSENT],
  ["safe", SAFE_TO_CONTACT],
  ["emergency.service", Object.keys(SERVICES)],
];

describe.each(LANGUAGES)("catalog %s", (lang) => {
  const catalog: Catalog = catalogs[lang];

  it("has exactly the source's keys", () => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
  });

  it("has no empty or untrimmed message", () => {
    for (const key of keys) {
      const text = catalog[key as keyof Catalog];
      expect(text.trim(), key).not.toBe("");
      expect(text, key).toBe(text.trim());
    }
  });

  it("uses the same placeholders as the source", () => {
    for (const key of keys) {
      const id = key as keyof Catalog;
      expect(placeholders(catalog[id]), `${lang} ${key}`).toEqual(placeholders(en[id]));
    }
  });

  it.each(TAXONOMY)("labels every %s code", (prefix, codes) => {
    for (const code of codes) {
      expect(catalog[`${prefix}.${code}` as keyof Catalog], `${prefix}.${code}`).toBeTruthy();
    }
  });

  it("labels every emergency service a route country uses", () => {
    for (const country of ROUTE_COUNTRIES) {
      for (const { service } of country.emergency) {
        expect(catalog[`emergency.service.${service}`], service).toBeTruthy();
      }
    }
  });

  if (lang !== "en") {
    it("is translated, not a copy of the source", () => {
      const same = keys.filter((key) => catalog[key as keyof Catalog] === en[key as keyof Catalog]);
      // Short words ("No", "Police") may legitimately coincide; whole sentences must not.
      expect(same.filter((key) => en[key as keyof Catalog].length > 12)).toEqual([]);
    });
  }
});

describe("indicator groups", () => {
  it("partition the indicators", () => {
    expect([...ILO_INDICATORS, ...CHILD_INDICATORS, ...ROUTE_INDICATORS].sort()).toEqual([...INDICATORS].sort());
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Step {current} of {total}", { current: 3, total: 9 })).toBe("Step 3 of 9");
    expect(format("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });

  it("knows which languages are right-to-left", () => {
    expect(isRtl("ar")).toBe(true);
    expect(LANGUAGES.filter(isRtl)).toEqual(["ar"]);
  });
});
