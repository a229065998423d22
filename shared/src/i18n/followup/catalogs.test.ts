import { describe, expect, it } from "vitest";
import { TIP_STATUSES } from "../../followup.js";
import { LANGUAGES } from "../../taxonomy.js";
import { placeholders } from "../format.js";
import type { FollowupCatalog, FollowupMessageId } from "../types.js";
import { followupEn } from "./en.js";
import { followupCatalogs } from "./index.js";

const keys = Object.keys(followupEn).sort() as FollowupMessageId[];

describe.each(LANGUAGES)("follow-up catalog %s", (lang) => {
  const catalog: FollowupCatalog = followupCatalogs[lang];

  it("has exactly the source's keys, none empty or untrimmed", () => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) {
      expect(catalog[key].trim(), key).not.toBe("");
      expect(catalog[key], key).toBe(catalog[key].trim());
    }
  });

  it("uses the same placeholders as the source", () => {
    for (const key of keys) expect(placeholders(catalog[key]), `${lang} ${key}`).toEqual(placeholders(followupEn[key]));
  });

  it("says every status of the contract in plain words", () => {
    for (const status of TIP_STATUSES) expect(catalog[`status.${status}.text`], status).toBeTruthy();
  });

  if (lang !== "en") {
    it("is translated, not a copy of the source", () => {
      expect(keys.filter((key) => followupEn[key].length > 12 && catalog[key] === followupEn[key])).toEqual([]);
    });
  }
});
