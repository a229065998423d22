import { describe, expect, it } from "vitest";
import { placeholders } from "../format.js";
import { en } from "./en.js";
import { CONSOLE_LANGUAGES, type ConsoleCatalog, type ConsoleMessageId, consoleCatalogs } from "./index.js";

const keys = Object.keys(en).sort() as ConsoleMessageId[];

describe.each(CONSOLE_LANGUAGES)("console catalog %s", (lang) => {
  const catalog: ConsoleCatalog = consoleCatalogs[lang];

  it("has exactly the source's keys", () => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
  });

  it("has no empty or untrimmed message", () => {
    for (const key of keys) {
      expect(catalog[key].trim(), key).not.toBe("");
      expect(catalog[key], key).toBe(catalog[key].trim());
    }
  });

  it("uses the same placeholders as the source", () => {
    for (const key of keys) expect(placeholders(catalog[key]), `${lang} ${key}`).toEqual(placeholders(en[key]));
  });

  if (lang !== "en") {
    it("is translated, not a copy of the source", () => {
      expect(keys.filter((key) => en[key].length > 12 && catalog[key] === en[key])).toEqual([]);
    });
  }
});
