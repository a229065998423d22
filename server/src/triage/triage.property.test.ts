import {
  CHILD_INVOLVED,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  INDICATORS,
  LANGUAGES,
  REPORTER_ROLES,
  SITUATIONS,
  type Tip,
  tipSchema,
  VICTIM_CONSENT,
  WHEN,
} from "@balagh/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAGS, PRIORITY_RULES, type Priority, type TriageResult, triage } from "./index.js";
import { examplesOf } from "./lexicon/examples.js";
import { LEXICONS, PHRASES } from "./lexicon/index.js";
import { normalise } from "./normalise.js";

const PRIORITIES: Priority[] = ["P0", "P1", "P2", "P3"];
const urgency = (p: Priority) => PRIORITIES.indexOf(p);

// Lexicon phrases made concrete: "#" becomes an age, a stem gets an ending, one word of each choice is written.
const lexiconWords = [
  ...LEXICONS.flatMap((l) => [...l.negators, ...l.scopeBreakers]),
  ...PHRASES.flatMap((phrase) => examplesOf(phrase, "s")),
];
const fillers = [
  "le",
  "la",
  "the",
  "el",
  "في",
  "من",
  "il",
  "they",
  "ellos",
  "هم",
  "Nouakchott",
  "Dakar",
  "Tanger",
  "2024",
  "3",
];
// Characters the tip schema refuses (controls, bidi overrides, BOM) or that cannot stand alone (surrogates).
const isRefused = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  const within = (from: number, to: number) => code >= from && code <= to;
  return (
    (code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") ||
    within(0x7f, 0x9f) ||
    within(0x202a, 0x202e) ||
    within(0x2066, 0x2069) ||
    code === 0xfeff ||
    within(0xd800, 0xdfff)
  );
};
const acceptable = (text: string) => [...text].filter((ch) => !isRefused(ch)).join("");

const narrativeArb = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...lexiconWords) },
      { weight: 2, arbitrary: fc.constantFrom(...fillers) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .chain((words) =>
    fc
      .array(fc.constantFrom(" ", " ", " ", ", ", ". ", "\n", "ـ", "'", "-", "، "), {
        minLength: words.length,
        maxLength: words.length,
      })
      .map((separators) => words.map((w, i) => w + separators[i]).join("")),
  )
  .map(acceptable)
  .filter((text) => text.trim().length > 0);

const tipArb: fc.Arbitrary<Tip> = fc
  .record({
    language: fc.constantFrom(...LANGUAGES),
    // Mostly "no": with "yes" every tip is P0 and the other rules go untested.
    dangerNow: fc.oneof({ weight: 3, arbitrary: fc.constant("no" as const) }, fc.constantFrom(...DANGER_NOW)),
    reporterRole: fc.constantFrom(...REPORTER_ROLES),
    country: fc.constantFrom("MR", "SN", "ML", "MA", "DZ", "ES"),
    town: fc.option(fc.constantFrom("Nouadhibou", "Rosso", "Tamanrasset", "Almería"), { nil: undefined }),
    when: fc.constantFrom(...WHEN),
    situations: fc.subarray([...SITUATIONS], { maxLength: 3 }),
    childInvolved: fc.constantFrom(...CHILD_INVOLVED),
    indicators: fc.subarray([...INDICATORS], { maxLength: 3 }),
    narrative: narrativeArb,
    disclosure: fc.constantFrom(...DISCLOSURE_LEVELS),
    consent: fc.constantFrom(...VICTIM_CONSENT),
    otherCountries: fc.option(fc.subarray(["LY", "NE", "ES"], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ country, town, consent, reporterRole, ...rest }) =>
    tipSchema.parse({
      ...rest,
      reporterRole,
      location: town ? { country, town } : { country },
      ...(reporterRole === "victim" && { victimConsentPolice: consent }),
    }),
  );

const citesPresentInput = (tip: Tip, result: TriageResult) =>
  result.reasons.every((reason) => {
    if (reason.source === "narrative") {
      return tip.narrative.includes(reason.evidence) && normalise(tip.narrative).includes(normalise(reason.evidence));
    }
    if (!reason.field) return false;
    const answer: unknown = tip[reason.field];
    return Array.isArray(answer) ? answer.includes(reason.evidence) : answer === reason.evidence;
  });

describe("triage properties", () => {
  it("never throws, always gives P0–P3 and known codes, and stays JSON-serialisable", () => {
    fc.assert(
      fc.property(tipArb, (tip) => {
        const result = triage(tip);
        expect(PRIORITIES).toContain(result.priority);
        expect(PRIORITY_RULES.map(([rule]) => rule)).toContain(result.priorityRule);
        expect(["trafficking", "smuggling", "both", "unclear"]).toContain(result.classification);
        for (const flag of result.flags) expect(FLAGS).toContain(flag);
        expect(new Set(result.flags).size).toBe(result.flags.length);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same tip gives the same result", () => {
    fc.assert(
      fc.property(tipArb, (tip) => {
        expect(triage(structuredClone(tip))).toEqual(triage(tip));
      }),
    );
  });

  it("cites only inputs that were present: an answer code in the tip, or words of the narrative", () => {
    fc.assert(
      fc.property(tipArb, (tip) => {
        expect(citesPresentInput(tip, triage(tip))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("scores the sum of its reasons' points, never below zero", () => {
    fc.assert(
      fc.property(tipArb, (tip) => {
        const result = triage(tip);
        expect(result.score).toBe(result.reasons.reduce((sum, r) => sum + r.points, 0));
        expect(result.score).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("gives P0 whenever danger now is answered yes", () => {
    fc.assert(
      fc.property(tipArb, (tip) => {
        expect(triage({ ...tip, dangerNow: "yes" }).priority).toBe("P0");
      }),
    );
  });

  it("treats a child answered 'not sure' exactly as 'yes' (presumption of minority)", () => {
    fc.assert(
      fc.property(tipArb, (tip) => {
        const yes = triage({ ...tip, childInvolved: "yes" });
        const notSure = triage({ ...tip, childInvolved: "not_sure" });
        expect(notSure.priority).toBe(yes.priority);
        expect(notSure.flags).toEqual(yes.flags);
        expect(notSure.flags).toContain("child");
      }),
    );
  });

  it("never lowers the priority when a situation is added", () => {
    fc.assert(
      fc.property(tipArb, fc.constantFrom(...SITUATIONS), (tip, situation) => {
        const before = triage(tip);
        const situations = tip.situations.includes(situation) ? tip.situations : [...tip.situations, situation];
        const after = triage({ ...tip, situations });
        expect(urgency(after.priority)).toBeLessThanOrEqual(urgency(before.priority));
      }),
    );
  });

  const NEGATED_DANGER: Record<Tip["language"], (phrase: string) => string> = {
    fr: (p) => `Ils ne sont pas ${p}.`,
    en: (p) => `They are not ${p}.`,
    es: (p) => `No están ${p}.`,
    ar: (p) => `هم ليسوا ${p}.`,
  };
  const dangerPhrases = LEXICONS.flatMap((l) =>
    (l.phrases.danger ?? []).map((phrase) => ({ language: l.language, phrase })),
  );

  it("never reads danger in a negated danger phrase, in any language", () => {
    fc.assert(
      fc.property(tipArb, fc.constantFrom(...dangerPhrases), (tip, { language, phrase }) => {
        const result = triage({ ...tip, dangerNow: "no", narrative: NEGATED_DANGER[language](phrase) });
        expect(result.reasons.map((r) => r.signal)).not.toContain("danger");
        expect(result.flags).not.toContain("danger_now");
      }),
    );
  });
});
