import {
  CHILD_INVOLVED,
  DANGER_NOW,
  INDICATORS,
  REPORTER_ROLES,
  SITUATIONS,
  type Tip,
  tipSchema,
  VICTIM_CONSENT,
  WHEN,
} from "@balagh/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Priority, triage } from "./index.js";
import { type Case, expectCase } from "./table.js";

// Arabic in Latin letters, digits for sounds Latin lacks (3 ع, 7 ح, 9 ق, 5 خ, 8 غ). Expected levels from
// DOMAIN.md: a boat about to leave, people held now, violence now are P0; danger named is P1; beaten
// every day, unpaid, papers taken are ongoing exploitation (P2); nothing of it, P3.

const EMERGENCY: Case[] = [
  {
    name: "a boat leaving tonight",
    tip: { language: "ar", narrative: "lflouka ghadi tkhrej had llila, fiha bzaf dyal nass" },
    priority: "P0",
    rule: "boat_leaving_now",
    classification: "smuggling",
    flags: ["boat_departure", "within_24_hours"],
    cites: ["lflouka", "had llila"],
  },
  {
    name: "the ship leaves tonight, with 8 for ghain",
    tip: { language: "fr", narrative: "lbabor 8adi t5rej llila men Nouadhibou" },
    priority: "P0",
    rule: "boat_leaving_now",
    classification: "smuggling",
    flags: ["boat_departure", "within_24_hours"],
    cites: ["lbabor", "llila"],
  },
  {
    name: "locked in a house, not let out",
    tip: { language: "ar", narrative: "khouya m7bous f wa7ed ddar, ma kaykhalliwhomch ykhrjo" },
    priority: "P0",
    rule: "captive_now",
    classification: "trafficking",
    flags: ["captivity_or_ransom"],
    cites: ["m7bous", "kaykhalliwhomch ykhrjo"],
  },
  {
    name: "French with Arabizi: ma sœur est m7bousa (French 'ma' is 'my', not a negation)",
    tip: { language: "fr", narrative: "Ma sœur est m7bousa chez le patron" },
    priority: "P0",
    rule: "captive_now",
    classification: "trafficking",
    flags: ["captivity_or_ransom"],
    cites: ["m7bousa"],
  },
  {
    name: "being beaten right now",
    tip: { language: "ar", narrative: "rahom kaydarbouh daba daba" },
    priority: "P0",
    rule: "violence_now",
    classification: "unclear",
    flags: ["within_24_hours"],
    cites: ["kaydarbouh", "daba daba"],
  },
  {
    name: "'machi l' is going to, not a negation: a brother boarding tonight",
    tip: { language: "ar", narrative: "khouya machi l lflouka had llila" },
    priority: "P0",
    rule: "boat_leaving_now",
    classification: "smuggling",
    flags: ["boat_departure", "within_24_hours"],
    cites: ["lflouka"],
  },
  {
    name: "children in danger at the border",
    tip: { language: "ar", narrative: "drari f 5atar 3nd l7dod" },
    priority: "P1",
    rule: "danger_in_narrative",
    classification: "unclear",
    flags: [],
    cites: ["f 5atar"],
  },
];

const EXPLOITATION: Case[] = [
  {
    name: "beaten every day at work",
    tip: { language: "ar", narrative: "kaydarbouhom kol nhar f lkhdma" },
    priority: "P2",
    rule: "ongoing_harm",
    classification: "unclear",
    flags: [],
    cites: ["kaydarbouhom"],
  },
  {
    name: "working without pay",
    tip: { language: "ar", narrative: "khdamin 3nd wa7ed f lb7ar bla khlas" },
    priority: "P2",
    rule: "ongoing_harm",
    classification: "trafficking",
    flags: [],
    cites: ["bla khlas"],
  },
  {
    name: "they have not paid us for a year: the negation is the meaning",
    tip: { language: "ar", narrative: "3am kaml ma khalsounach" },
    priority: "P2",
    rule: "ongoing_harm",
    classification: "trafficking",
    flags: [],
    cites: ["khalsounach"],
  },
  {
    name: "they did not give us our money",
    tip: { language: "ar", narrative: "ma 3tawnach lflous dyalna" },
    priority: "P2",
    rule: "ongoing_harm",
    classification: "trafficking",
    flags: [],
    cites: ["3tawnach lflous"],
  },
  {
    name: "they took our passports, with 5 for kha",
    tip: { language: "ar", narrative: "5daw lina lpasspor f lmatar" },
    priority: "P2",
    rule: "ongoing_harm",
    classification: "trafficking",
    flags: [],
    cites: ["5daw lina lpasspor"],
  },
  {
    name: "he has my passport",
    tip: { language: "ar", narrative: "lpatron 3ndo lpasspor dyali" },
    priority: "P2",
    rule: "ongoing_harm",
    classification: "trafficking",
    flags: [],
    cites: ["3ndo lpasspor dyali"],
  },
];

const NEGATED: Case[] = [
  {
    name: "machi: not locked up, only working a lot",
    tip: { language: "ar", narrative: "machi m7bousin, ghir kaykhdmo bzaf" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["captivity"],
  },
  {
    name: "machi: not in danger",
    tip: { language: "ar", narrative: "homa machi f 5atar" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["danger"],
  },
  {
    name: "ma kaynch: no danger to their lives",
    tip: { language: "ar", narrative: "ma kaynch 5atar 3la 7yathom" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["danger"],
  },
  {
    name: "ma kaynch: no children alone",
    tip: { language: "ar", narrative: "ma kaynch drari bo7dhom" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["unaccompanied_child"],
  },
  {
    name: "ma fih: nobody at all is locked up",
    tip: { language: "ar", narrative: "ma fih 7ta wa7ed m7bous, kolchi mzyan" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["captivity"],
  },
  {
    name: "ma fih: no danger to their lives",
    tip: { language: "ar", narrative: "ma fih 5atar 3la 7yathom" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["danger"],
  },
  {
    name: "a verb negated by its ending: they did not take our passports",
    tip: { language: "ar", narrative: "ma khdawch lpasspor dyalna" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["papers_taken"],
  },
  {
    name: "a verb negated by its ending: they did not beat him",
    tip: { language: "ar", narrative: "ma darbouhch, ghir 3yto 3lih" },
    priority: "P3",
    rule: "no_harm_signal",
    classification: "unclear",
    flags: [],
    neverReads: ["violence"],
  },
  {
    name: "a negation stops at 'walakin' (but): not ill, but locked up",
    tip: { language: "ar", narrative: "machi mrid walakin m7bous" },
    priority: "P0",
    rule: "captive_now",
    classification: "trafficking",
    flags: ["captivity_or_ransom"],
    cites: ["m7bous"],
  },
];

describe("triage of Arabic in Latin letters", () => {
  it.each(EMERGENCY.map((c) => [c.name, c] as const))("emergency: %s", (_name, c) => expectCase(c));
  it.each(EXPLOITATION.map((c) => [c.name, c] as const))("exploitation: %s", (_name, c) => expectCase(c));
  it.each(NEGATED.map((c) => [c.name, c] as const))("negation: %s", (_name, c) => expectCase(c));
});

// Everyday words typed the same way, among them look-alikes of lexicon words: "khatra" (once), "khater"
// (because), "derb" (alley), "9rib" (near), "flous" (money), "m7bouba" (beloved), "lila" (a night). None
// repeats and no two form a phrase that means something to triage ("kol nhar", every day, is ongoing).
const ORDINARY = [
  "salam",
  "labas",
  "hamdoullah",
  "inchallah",
  "3afak",
  "chokran",
  "khouya",
  "5ouya",
  "khti",
  "mama",
  "baba",
  "sa7bi",
  "7bibti",
  "m7bouba",
  "ana",
  "nta",
  "nti",
  "7na",
  "homa",
  "bghit",
  "bghina",
  "nmchi",
  "machi",
  "ma",
  "kaynch",
  "fih",
  "kayn",
  "daba",
  "lila",
  "llil",
  "nhar",
  "lyoum",
  "8ada",
  "ghda",
  "lbar7",
  "sa3a",
  "khatra",
  "khater",
  "3la",
  "khatrek",
  "derb",
  "9rib",
  "b3id",
  "mzyan",
  "zein",
  "bzaf",
  "chwiya",
  "safi",
  "wakha",
  "khlas",
  "flous",
  "3ndi",
  "m3a",
  "f",
  "l",
  "dar",
  "lbab",
  "l9raya",
  "lmdrasa",
  "sbitar",
  "tobis",
  "taxi",
  "lb7ar",
  "l7out",
  "sou9",
  "l7anout",
  "lkhobz",
  "atay",
  "ch7al",
  "3lach",
  "fin",
  "kifach",
  "wach",
  "8ir",
  "ghadi",
  "khdama",
  "rje3t",
  "msafer",
  "spania",
];

const PRIORITIES: Priority[] = ["P0", "P1", "P2", "P3"];

const answers = fc.record({
  dangerNow: fc.oneof({ weight: 3, arbitrary: fc.constant("no" as const) }, fc.constantFrom(...DANGER_NOW)),
  reporterRole: fc.constantFrom(...REPORTER_ROLES),
  consent: fc.constantFrom(...VICTIM_CONSENT),
  when: fc.constantFrom(...WHEN),
  situations: fc.subarray([...SITUATIONS], { maxLength: 2 }),
  childInvolved: fc.constantFrom(...CHILD_INVOLVED),
  indicators: fc.subarray([...INDICATORS], { maxLength: 2 }),
});
const ordinaryText = fc
  .uniqueArray(fc.constantFrom(...ORDINARY), { minLength: 1, maxLength: 25 })
  .chain((words) => fc.constantFrom(" ", ", ", ". ").map((separator) => words.join(separator)));

type Answers = typeof answers extends fc.Arbitrary<infer A> ? A : never;

const tipWith = (a: Answers, narrative: string): Tip =>
  tipSchema.parse({
    language: "ar",
    dangerNow: a.dangerNow,
    reporterRole: a.reporterRole,
    ...(a.reporterRole === "victim" && { victimConsentPolice: a.consent }),
    location: { country: "MR" },
    when: a.when,
    situations: a.situations,
    childInvolved: a.childInvolved,
    indicators: a.indicators,
    narrative,
    disclosure: "anonymous",
  });

describe("everyday words in Latin letters", () => {
  it("never raise the priority above what the answers give", () => {
    fc.assert(
      fc.property(answers, ordinaryText, (a, text) => {
        const withWords = triage(tipWith(a, text)).priority;
        const answersOnly = triage(tipWith(a, "salam")).priority;
        expect(PRIORITIES.indexOf(withWords)).toBeGreaterThanOrEqual(PRIORITIES.indexOf(answersOnly));
      }),
      { numRuns: 1_000 },
    );
  });
});
