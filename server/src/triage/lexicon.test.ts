import { describe, expect, it } from "vitest";
import { examplesOf, sequenceKeysOf } from "./lexicon/examples.js";
import { LEXICONS, NARRATIVE_SIGNALS, PHRASES, STEM_KEY_LENGTH } from "./lexicon/index.js";
import { readNarrative } from "./narrative.js";

describe("lexicons", () => {
  it("has one file per language, each with phrases", () => {
    expect(LEXICONS.map((l) => l.language).sort()).toEqual(["ar", "en", "es", "fr"]);
    for (const lexicon of LEXICONS) expect(Object.keys(lexicon.phrases).length).toBeGreaterThan(15);
  });

  it("reads every phrase, written alone, as its own signal, whichever word of a choice is written", () => {
    const unread = PHRASES.flatMap((phrase) =>
      examplesOf(phrase)
        .filter((example) => !readNarrative(example).some((hit) => hit.signal === phrase.signal))
        .map((example) => `${phrase.language} ${phrase.signal}: ${example}`),
    );
    expect(unread).toEqual([]);
  });

  it("never lists the same words under two signals", () => {
    const signalsOf = new Map<string, Set<string>>();
    for (const phrase of PHRASES) {
      for (const key of sequenceKeysOf(phrase)) {
        signalsOf.set(key, new Set([...(signalsOf.get(key) ?? []), phrase.signal]));
      }
    }
    const ambiguous = [...signalsOf].filter(([, signals]) => signals.size > 1).map(([key]) => key);
    expect(ambiguous).toEqual([]);
  });

  it("keeps stems long enough not to swallow unrelated words", () => {
    const short = PHRASES.flatMap((p) => p.terms)
      .flatMap((t) => (t.kind === "one_of" ? t.options.map((o) => o.word) : [t]))
      .filter((t) => t.kind === "stem" && t.text.length < STEM_KEY_LENGTH);
    expect(short).toEqual([]);
  });

  it("only uses known signals", () => {
    for (const phrase of PHRASES) expect(NARRATIVE_SIGNALS).toContain(phrase.signal);
  });
});

describe("reading a narrative", () => {
  const signals = (text: string) => readNarrative(text).map((hit) => hit.signal);

  it("quotes the reporter's own words, not the lexicon's", () => {
    expect(readNarrative("Ils sont ENFERMÉS")).toEqual([
      { signal: "captivity", quote: "ENFERMÉS", phrase: "enfermés", language: "fr" },
    ]);
  });

  it("does not carry a negation over a sentence end", () => {
    expect(signals("Pas de souci pour moi. Les enfants sont en danger")).toContain("danger");
  });

  it("does not read doubt as negation", () => {
    expect(signals("I am not sure if they are in danger")).toContain("danger");
    expect(signals("Je ne sais pas s'ils sont en danger")).toContain("danger");
  });

  it("reads the negator carried by Arabic 'and' (ولا, ولم)", () => {
    expect(signals("ولم يعودوا في خطر")).not.toContain("danger");
  });

  it.each([
    ["Spanish 'enfermo' (sick) is not French 'enfermé'", "Está enfermo desde ayer", "captivity"],
    ["'battery' is not 'beat'", "The phone battery was dead", "violence"],
    ["the name Abdallah is not slavery", "عبد الله يعمل في المتجر", "slavery"],
    ["'ورق' (paper) is not 'الرق' (slavery)", "أعطاني ورق", "slavery"],
    ["'مدينة' (city) is not 'مدين' (indebted)", "يعيش في مدينة نواذيبو", "debt"],
    ["'se trata de' (it is about) is not 'trata'", "Se trata de mi vecina", "trafficking_term"],
    ["'rescate' alone can be a rescue, not a ransom", "Hubo un rescate en el mar", "ransom"],
    ["Algeria's Hirak (الحراك) is not harraga", "شارك في الحراك", "smuggling"],
    ["'il y a 10 ans' (ten years ago) is not an age", "Il y a 10 ans il était là", "minor"],
    ["'phone calls' (des coups de téléphone) are not blows", "Il reçoit des appels, des coups de fil", "violence"],
  ])("%s", (_name, text, signal) => {
    expect(signals(text)).not.toContain(signal);
  });
});
