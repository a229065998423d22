import { describe, expect, it } from "vitest";
import { formsOf } from "./lexicon/index.js";
import { normalise, tokenise } from "./normalise.js";

describe("normalise", () => {
  it.each([
    ["Enfermés", "enfermes"],
    ["ÉCHAPPÉE", "echappee"],
    ["Año", "ano"],
    ["sœur", "soeur"],
    ["أإآٱ", "اااا"],
    ["مدرسة", "مدرسه"],
    ["على", "علي"],
    ["مُحْتَجَزٌ", "محتجز"],
    ["محتـــجز", "محتجز"],
    ["مسؤول", "مسوول"],
    ["١٤ و۱۵", "14 و15"],
    ["\uFEFB", "لا"],
    ["talib\u00E9", "talibe"],
    ["talibe\u0301", "talibe"],
  ])("%s → %s", (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

describe("tokenise", () => {
  it("keeps each word's place in the original text and counts clauses at punctuation", () => {
    const text = "Ils sont ENFERMÉS, ce soir. هم محتجزون";
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.text)).toEqual(["ils", "sont", "enfermes", "ce", "soir", "هم", "محتجزون"]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      "Ils",
      "sont",
      "ENFERMÉS",
      "ce",
      "soir",
      "هم",
      "محتجزون",
    ]);
    expect(tokens.map((t) => t.clause)).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it("splits at apostrophes and hyphens, as the lexicons are split", () => {
    expect(tokenise("n'est-ce pas, aujourd’hui").map((t) => t.text)).toEqual([
      "n",
      "est",
      "ce",
      "pas",
      "aujourd",
      "hui",
    ]);
  });
});

describe("Arabic word forms", () => {
  it("offers the word without each proclitic, marking those joined by 'and'", () => {
    expect(formsOf("والقارب")).toEqual(
      expect.arrayContaining([
        { text: "والقارب", conjoined: false },
        { text: "القارب", conjoined: true },
        { text: "قارب", conjoined: true },
      ]),
    );
    expect(formsOf("بالقارب")).toContainEqual({ text: "قارب", conjoined: false });
  });

  it("leaves Latin words alone", () => {
    expect(formsOf("pirogue")).toEqual([{ text: "pirogue", conjoined: false }]);
  });
});
