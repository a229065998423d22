import type { Tip } from "@balagh/shared";
import type { Evidence, Side, Signal } from "./evidence.js";

/** Most urgent first. */
export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CLASSIFICATIONS = ["trafficking", "smuggling", "both", "unclear"] as const satisfies readonly (
  | Side
  | "unclear"
)[];
export type Classification = (typeof CLASSIFICATIONS)[number];

/** The DOMAIN.md triage table, one rule per "when" cell, most urgent first. */
export const PRIORITY_RULES = [
  ["danger_now", "P0"],
  ["captive_now", "P0"],
  ["violence_now", "P0"],
  ["boat_leaving_now", "P0"],
  ["danger_in_narrative", "P1"],
  ["danger_unsure", "P1"],
  ["child_at_risk", "P1"],
  ["captive_maybe_still", "P1"],
  ["within_24_hours", "P1"],
  ["ongoing_harm", "P2"],
  ["historical", "P3"],
  ["no_harm_signal", "P3"],
] as const satisfies readonly (readonly [string, Priority])[];
export type PriorityRule = (typeof PRIORITY_RULES)[number][0];

export const FLAGS = [
  "child",
  "danger_now",
  "captivity_or_ransom",
  "boat_departure",
  "within_24_hours",
  "victim_is_reporter",
  "consent_yes",
  "consent_no",
  "consent_not_given",
] as const;
export type Flag = (typeof FLAGS)[number];

export type Decision = {
  priority: Priority;
  priorityRule: PriorityRule;
  /** Evidence behind each rule that fired at the final priority. */
  priorityEvidence: Map<PriorityRule, Evidence[]>;
  flags: Map<Flag, Evidence[]>;
  classification: Classification;
  classificationEvidence: Evidence[];
};

const CONSENT_FLAGS: Record<NonNullable<Tip["victimConsentPolice"]>, Flag> = {
  yes: "consent_yes",
  no: "consent_no",
  not_sure: "consent_not_given",
};

const having =
  (...signals: Signal[]) =>
  (e: Evidence) =>
    signals.includes(e.signal);
const ifTrue = (condition: boolean, list: Evidence[]) => (condition ? list : []);
const firstNonEmpty = (...lists: Evidence[][]) => lists.find((list) => list.length > 0) ?? [];
/** The evidence of every part, or none when a part is missing: a rule needs all its conditions. */
const allOf = (...parts: Evidence[][]) => (parts.every((part) => part.length > 0) ? [...new Set(parts.flat())] : []);

/**
 * Indicators "raise a score; they never decide alone" (DOMAIN.md): a checked indicator counts
 * towards a decision only beside another indicator, a situation, the danger answer or a phrase.
 */
const decidingEvidence = (all: Evidence[]) => {
  const indicators = all.filter((e) => e.indicator);
  const corroborated =
    indicators.length >= 2 || all.some((e) => !e.indicator && (e.harm || e.side !== null || e.signal === "general"));
  return corroborated ? all : all.filter((e) => !e.indicator);
};

/** The evidence grouped by what the rules ask of it. */
const factsOf = (tip: Tip, all: Evidence[]) => {
  const deciding = decidingEvidence(all);
  // Emergency calls (P0) rest on answers and phrases, never on a checked indicator.
  const firm = deciding.filter((e) => !e.indicator);
  const narrative = all.filter((e) => e.source === "narrative");
  const whenAnswer = all.filter((e) => e.field === "when");
  const nowWords = narrative.filter(having("now"));
  const ongoingWords = narrative.filter(having("ongoing"));
  const releasedWords = narrative.filter(having("released"));
  const happeningNow = firstNonEmpty(ifTrue(tip.when === "happening_now", whenAnswer), nowWords);
  const dangerWords = narrative.filter(having("danger"));
  // A kidnapped person is presumed still held unless the narrative says they were freed.
  const stillHeld = releasedWords.length === 0 || happeningNow.length > 0;
  return {
    deciding,
    firm,
    narrative,
    whenAnswer,
    nowWords,
    releasedWords,
    happeningNow,
    within24Hours: firstNonEmpty(
      ifTrue(tip.when === "happening_now" || tip.when === "last_24_hours", whenAnswer),
      nowWords,
    ),
    recentOrOngoing: [...ifTrue(tip.when === "last_7_days", whenAnswer), ...ongoingWords],
    dangerWords,
    danger: [
      ...all.filter((e) => e.field === "dangerNow" && e.signal === "danger"),
      ...ifTrue(tip.dangerNow !== "no", dangerWords),
    ],
    captivity: firm.filter(having("captivity", "ransom")),
    captivityPresent: ifTrue(stillHeld, [...nowWords, ...ongoingWords, ...ifTrue(tip.when !== "earlier", whenAnswer)]),
    harm: deciding.filter((e) => e.harm),
    // Any sign of exploitation or of a smuggling route puts a child at risk, a paid crossing included.
    childRisk: deciding.filter((e) => e.harm || e.side !== null),
    child: all.filter((e) => e.child),
  };
};
type Facts = ReturnType<typeof factsOf>;

const evidenceForRules = (tip: Tip, f: Facts): Record<PriorityRule, Evidence[] | null> => ({
  danger_now: f.danger,
  captive_now: allOf(f.captivity, f.captivityPresent),
  violence_now: firstNonEmpty(
    f.firm.filter(having("armed_now")),
    allOf(f.firm.filter(having("violence", "weapon")), f.happeningNow),
  ),
  boat_leaving_now: allOf(f.firm.filter(having("boat")), f.happeningNow),
  danger_in_narrative: ifTrue(tip.dangerNow === "no", f.dangerWords),
  danger_unsure: f.deciding.filter(having("danger_unsure")),
  child_at_risk: allOf(f.child, f.childRisk),
  captive_maybe_still: allOf(
    ifTrue(tip.when === "earlier" && f.releasedWords.length === 0 && f.captivityPresent.length === 0, f.captivity),
    f.whenAnswer,
  ),
  within_24_hours: allOf(f.harm, f.within24Hours),
  ongoing_harm: allOf(f.harm, f.recentOrOngoing),
  historical: allOf(f.harm, ifTrue(tip.when === "earlier", f.whenAnswer)).filter((e) => e.field === "when"),
  // The floor: recorded and referred, with nothing to cite.
  no_harm_signal: null,
});

const prioritise = (tip: Tip, f: Facts) => {
  const evidenceFor = evidenceForRules(tip, f);
  const fired = PRIORITY_RULES.filter(([rule]) => evidenceFor[rule] === null || (evidenceFor[rule]?.length ?? 0) > 0);
  const [priorityRule, priority] = fired[0] ?? ["no_harm_signal", "P3"];
  const priorityEvidence = new Map<PriorityRule, Evidence[]>(
    fired.filter(([, level]) => level === priority).map(([rule]) => [rule, evidenceFor[rule] ?? []]),
  );
  return { priority, priorityRule, priorityEvidence };
};

const flag = (tip: Tip, all: Evidence[], f: Facts) => {
  const leaving = [
    ...f.narrative.filter(having("departure")),
    ...f.nowWords,
    ...ifTrue(tip.when === "happening_now", f.whenAnswer),
  ];
  const flags = new Map<Flag, Evidence[]>([
    ["child", f.child],
    ["danger_now", f.danger],
    ["captivity_or_ransom", f.deciding.filter(having("captivity", "ransom"))],
    [
      "boat_departure",
      [
        ...all.filter((e) => e.field === "situations" && e.evidence === "unsafe_boat_departure"),
        ...allOf(f.narrative.filter(having("boat")), leaving),
      ],
    ],
    ["within_24_hours", f.within24Hours],
    ["victim_is_reporter", all.filter(having("victim_reporter"))],
  ]);
  if (tip.victimConsentPolice) flags.set(CONSENT_FLAGS[tip.victimConsentPolice], all.filter(having("consent")));
  return new Map([...flags].filter(([, evidence]) => evidence.length > 0));
};

const classify = (f: Facts) => {
  const classificationEvidence = f.deciding.filter((e) => e.side !== null);
  const sides = new Set(classificationEvidence.map((e) => e.side));
  // Smuggling turns into trafficking when the migrant is held, ransomed or forced to work off a debt.
  const classification: Classification =
    sides.has("both") || (sides.has("trafficking") && sides.has("smuggling"))
      ? "both"
      : sides.has("trafficking")
        ? "trafficking"
        : sides.has("smuggling")
          ? "smuggling"
          : "unclear";
  return { classification, classificationEvidence };
};

export const decide = (tip: Tip, all: Evidence[]): Decision => {
  const facts = factsOf(tip, all);
  return { ...prioritise(tip, facts), flags: flag(tip, all, facts), ...classify(facts) };
};
