import type { Indicator, Language, Situation, Tip } from "@balagh/shared";
import type { NarrativeSignal } from "./lexicon/index.js";
import { readNarrative } from "./narrative.js";

/** What an answer or a phrase is read as. Narrative signals come from the lexicons; the rest only from answers. */
export type Signal =
  | NarrativeSignal
  | "danger_unsure"
  | "time"
  | "child"
  | "crime"
  | "general"
  | "ilo_indicator"
  | "child_indicator"
  | "dangerous_journey"
  | "victim_reporter"
  | "consent";

/** Which side of the law a piece of evidence points to (DOMAIN.md, "The law in one paragraph"). */
export type Side = "trafficking" | "smuggling" | "both";

export type AnswerField =
  | "dangerNow"
  | "when"
  | "childInvolved"
  | "situations"
  | "indicators"
  | "reporterRole"
  | "victimConsentPolice";

export type Evidence = {
  signal: Signal;
  source: "answer" | "narrative";
  field?: AnswerField;
  /** The answer code, or the words quoted from the narrative. */
  evidence: string;
  phrase?: string;
  language?: Language;
  points: number;
  side: Side | null;
  /** Someone is being, or was, harmed or put at risk: exploitation, captivity, violence, an unsafe journey. */
  harm: boolean;
  /** Says a child is involved (presumption of minority). */
  child: boolean;
  /** A checked indicator: it raises the score, and decides nothing alone. */
  indicator: boolean;
};

type Reading = Pick<Evidence, "signal" | "points" | "side" | "harm"> & { child?: boolean };

// Structured answers weigh more than the same thing read in the narrative (about twice as much).
const SITUATION_READINGS: Record<Situation, Reading> = {
  child_forced_begging: { signal: "begging", points: 25, side: "trafficking", harm: true, child: true },
  domestic_servitude: { signal: "domestic_servitude", points: 20, side: "trafficking", harm: true },
  slavery_by_descent: { signal: "slavery", points: 25, side: "trafficking", harm: true },
  forced_labour_fishing: { signal: "forced_labour", points: 20, side: "trafficking", harm: true },
  forced_labour_mining: { signal: "forced_labour", points: 20, side: "trafficking", harm: true },
  forced_labour_agriculture: { signal: "forced_labour", points: 20, side: "trafficking", harm: true },
  forced_labour_construction: { signal: "forced_labour", points: 20, side: "trafficking", harm: true },
  forced_labour_other: { signal: "forced_labour", points: 20, side: "trafficking", harm: true },
  sexual_exploitation: { signal: "sexual_exploitation", points: 25, side: "trafficking", harm: true },
  forced_or_early_marriage: { signal: "forced_marriage", points: 20, side: "trafficking", harm: true },
  children_used_in_crime: { signal: "crime", points: 25, side: "trafficking", harm: true, child: true },
  // Held or ransomed in transit is where smuggling turns into trafficking.
  held_captive_or_for_ransom: { signal: "captivity", points: 35, side: "both", harm: true },
  unsafe_boat_departure: { signal: "boat", points: 30, side: "smuggling", harm: true },
  // A paid crossing the migrant agreed to is smuggling, and harms no one by itself.
  paid_border_crossing: { signal: "smuggling", points: 8, side: "smuggling", harm: false },
  other_or_not_sure: { signal: "general", points: 5, side: null, harm: false },
};

const INDICATOR_POINTS = 5;
const ilo: Reading = { signal: "ilo_indicator", points: INDICATOR_POINTS, side: "trafficking", harm: true };
const childSign: Reading = { signal: "child_indicator", points: INDICATOR_POINTS, side: "trafficking", harm: true };

const INDICATOR_READINGS: Record<Indicator, Reading> = {
  abuse_of_vulnerability: ilo,
  deception: { ...ilo, signal: "deception" },
  restricted_movement: ilo,
  isolation: ilo,
  physical_or_sexual_violence: { ...ilo, signal: "violence" },
  threats: { ...ilo, signal: "threats" },
  identity_papers_taken: { ...ilo, signal: "papers_taken" },
  wages_withheld: { ...ilo, signal: "wages_withheld" },
  debt_bondage: { ...ilo, signal: "debt" },
  abusive_conditions: ilo,
  excessive_hours: ilo,
  child_no_contact_with_parents: childSign,
  child_no_school: childSign,
  child_unsuitable_work: childSign,
  child_travelling_alone_or_with_non_relatives: childSign,
  child_eats_apart: childSign,
  child_intimidated: childSign,
  child_begging_quota: { ...childSign, signal: "begging" },
  paid_to_cross_border: { signal: "smuggling", points: INDICATOR_POINTS, side: "smuggling", harm: false },
  dangerous_journey: { signal: "dangerous_journey", points: INDICATOR_POINTS, side: "smuggling", harm: true },
  held_while_family_asked_for_money: { signal: "ransom", points: INDICATOR_POINTS, side: "both", harm: true },
  travel_debt: { signal: "debt", points: INDICATOR_POINTS, side: "both", harm: true },
};

const NARRATIVE_READINGS: Record<NarrativeSignal, Reading> = {
  danger: { signal: "danger", points: 20, side: null, harm: true },
  now: { signal: "now", points: 5, side: null, harm: false },
  ongoing: { signal: "ongoing", points: 2, side: null, harm: false },
  released: { signal: "released", points: 0, side: null, harm: false },
  earlier_time: { signal: "earlier_time", points: 0, side: null, harm: false },
  boat: { signal: "boat", points: 12, side: "smuggling", harm: true },
  // Matched so that a fishing boat, the workplace of forced labour at sea, is not read as a migrant boat.
  fishing_boat: { signal: "fishing_boat", points: 0, side: null, harm: false },
  departure: { signal: "departure", points: 2, side: null, harm: false },
  smuggling: { signal: "smuggling", points: 4, side: "smuggling", harm: false },
  captivity: { signal: "captivity", points: 18, side: "trafficking", harm: true },
  ransom: { signal: "ransom", points: 18, side: "both", harm: true },
  // Violence alone describes aggravated smuggling as much as trafficking: it raises harm, not a side.
  violence: { signal: "violence", points: 12, side: null, harm: true },
  begging: { signal: "begging", points: 10, side: "trafficking", harm: true },
  domestic_servitude: { signal: "domestic_servitude", points: 10, side: "trafficking", harm: true },
  slavery: { signal: "slavery", points: 12, side: "trafficking", harm: true },
  forced_labour: { signal: "forced_labour", points: 10, side: "trafficking", harm: true },
  sexual_exploitation: { signal: "sexual_exploitation", points: 12, side: "trafficking", harm: true },
  forced_marriage: { signal: "forced_marriage", points: 10, side: "trafficking", harm: true },
  trafficking_term: { signal: "trafficking_term", points: 8, side: "trafficking", harm: true },
  deception: { signal: "deception", points: 5, side: "trafficking", harm: true },
  threats: { signal: "threats", points: 5, side: "trafficking", harm: true },
  debt: { signal: "debt", points: 5, side: "trafficking", harm: true },
  papers_taken: { signal: "papers_taken", points: 5, side: "trafficking", harm: true },
  wages_withheld: { signal: "wages_withheld", points: 5, side: "trafficking", harm: true },
  // Presumption of minority: a reporter may answer "no child" about a 15-year-old bride.
  minor: { signal: "minor", points: 6, side: null, harm: false, child: true },
  // A child on the move without a parent is at risk by itself (DOMAIN.md child signs), on either side of the law.
  unaccompanied_child: { signal: "unaccompanied_child", points: 10, side: null, harm: true, child: true },
  // Arms make a threat deadly: they count as violence, happening now or not, and weigh more than a beating.
  weapon: { signal: "weapon", points: 15, side: null, harm: true },
  // "He has a knife now": the weapon and the moment in one phrase, so one match must carry both.
  armed_now: { signal: "armed_now", points: 25, side: null, harm: true },
};

const WHEN_POINTS: Record<Tip["when"], number> = { happening_now: 10, last_24_hours: 8, last_7_days: 4, earlier: 0 };

const answer = (field: AnswerField, code: string, reading: Reading, indicator = false): Evidence => ({
  source: "answer",
  field,
  evidence: code,
  ...reading,
  child: reading.child ?? false,
  indicator,
});

const neutral = (signal: Signal, points = 0): Reading => ({ signal, points, side: null, harm: false });

const answerEvidence = (tip: Tip): Evidence[] => {
  const found: Evidence[] = [];
  if (tip.dangerNow === "yes")
    found.push(answer("dangerNow", "yes", { signal: "danger", points: 40, side: null, harm: true }));
  if (tip.dangerNow === "not_sure") found.push(answer("dangerNow", "not_sure", neutral("danger_unsure", 15)));
  found.push(answer("when", tip.when, neutral("time", WHEN_POINTS[tip.when])));
  // Presumption of minority: "not sure" counts as a child.
  if (tip.childInvolved !== "no") {
    const points = tip.childInvolved === "yes" ? 20 : 15;
    found.push(answer("childInvolved", tip.childInvolved, { ...neutral("child", points), child: true }));
  }
  for (const situation of tip.situations) found.push(answer("situations", situation, SITUATION_READINGS[situation]));
  for (const indicator of tip.indicators) {
    found.push(answer("indicators", indicator, INDICATOR_READINGS[indicator], true));
  }
  if (tip.reporterRole === "victim") found.push(answer("reporterRole", "victim", neutral("victim_reporter")));
  if (tip.victimConsentPolice) found.push(answer("victimConsentPolice", tip.victimConsentPolice, neutral("consent")));
  return found;
};

const narrativeEvidence = (narrative: string): Evidence[] => {
  const scored = new Set<NarrativeSignal>();
  return readNarrative(narrative).map((hit) => {
    const reading = NARRATIVE_READINGS[hit.signal];
    // A signal counts once towards the score however often the narrative repeats it.
    const points = scored.has(hit.signal) ? 0 : reading.points;
    scored.add(hit.signal);
    return {
      source: "narrative",
      evidence: hit.quote,
      phrase: hit.phrase,
      language: hit.language,
      ...reading,
      points,
      child: reading.child ?? false,
      indicator: false,
    };
  });
};

export const gatherEvidence = (tip: Tip): Evidence[] => [...answerEvidence(tip), ...narrativeEvidence(tip.narrative)];
