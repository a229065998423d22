import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDeployment } from "../deployments/index.js";
import { route } from "./index.js";
import { routingInput } from "./input.arbitrary.js";
import type { RoutingInput } from "./rules.js";
import { tableOfDeployment } from "./table-of-deployment.js";

const mauritania = loadDeployment("mauritania");
// Agency ids are their slugs here, so expectations read as the deployment file does.
const table = tableOfDeployment(mauritania);
const kindOf = new Map(table.agencies.map((a) => [a.id, a.kind]));
// From the documented invariant ("reaches police, gendarmerie or coast guard only with their consent"),
// written here rather than imported so that a kind dropped from the code's own list turns this red.
const POLICE_KINDS = ["police", "gendarmerie", "coast_guard"];

const input = (patch: Partial<RoutingInput> = {}): RoutingInput => ({
  country: "MR",
  region: null,
  situations: [],
  childInvolved: "no",
  reporterRole: "witness",
  victimConsentPolice: null,
  disclosure: "anonymous",
  language: "fr",
  otherCountries: [],
  priority: "P2",
  classification: "trafficking",
  ...patch,
});

const routed = (patch: Partial<RoutingInput>) =>
  route(input(patch), table)
    .routes.map((r) => `${r.agencyId}:${r.role}`)
    .sort();

describe("the Mauritania example table", () => {
  it.each<[string, Partial<RoutingInput>, string[]]>([
    ["any P0", { priority: "P0" }, ["mr-gendarmerie:primary", "mr-national-authority:notify", "mr-police:primary"]],
    [
      "slavery by descent",
      { situations: ["slavery_by_descent"] },
      ["mr-human-rights-commission:notify", "mr-national-authority:primary", "mr-prosecutor:notify"],
    ],
    [
      "talibé children begging",
      { situations: ["child_forced_begging"], childInvolved: "yes", priority: "P1" },
      [
        "mr-child-protection:primary",
        "mr-national-authority:notify",
        "mr-ngo-child-partner:notify",
        "mr-police:primary",
      ],
    ],
    [
      "child domestic servitude",
      { situations: ["domestic_servitude"], childInvolved: "not_sure" },
      ["mr-child-protection:primary", "mr-labour-inspection:notify", "mr-national-authority:notify"],
    ],
    // The expert cases: child labour and children used in crime reach the national authority too.
    [
      "a child herding goats unpaid, in a crisis (P1)",
      { situations: ["forced_labour_agriculture"], childInvolved: "yes", priority: "P1" },
      [
        "mr-child-protection:primary",
        "mr-labour-inspection:notify",
        "mr-national-authority:notify",
        "mr-police:primary",
      ],
    ],
    [
      "children in a gold mine",
      { situations: ["forced_labour_mining"], childInvolved: "yes" },
      ["mr-child-protection:primary", "mr-labour-inspection:notify", "mr-national-authority:notify"],
    ],
    [
      "children fishing",
      { situations: ["forced_labour_fishing"], childInvolved: "not_sure" },
      ["mr-child-protection:primary", "mr-labour-inspection:notify", "mr-national-authority:notify"],
    ],
    [
      "children on a building site",
      { situations: ["forced_labour_construction"], childInvolved: "yes", priority: "P3" },
      ["mr-child-protection:primary", "mr-labour-inspection:notify", "mr-national-authority:notify"],
    ],
    [
      "children in other forced labour",
      { situations: ["forced_labour_other"], childInvolved: "yes" },
      ["mr-child-protection:primary", "mr-labour-inspection:notify", "mr-national-authority:notify"],
    ],
    [
      "teenagers used to carry drugs",
      { situations: ["children_used_in_crime"], childInvolved: "yes" },
      ["mr-child-protection:primary", "mr-national-authority:notify", "mr-prosecutor:notify"],
    ],
    [
      "an adult victim who refused police, in a crisis (P1): the national authority acts",
      { reporterRole: "victim", victimConsentPolice: "no", priority: "P1" },
      ["mr-national-authority:primary"],
    ],
    [
      "adult forced labour reported by a witness with no consent asked",
      { situations: ["forced_labour_fishing"] },
      ["mr-labour-inspection:notify", "mr-national-authority:primary", "mr-police:notify"],
    ],
    [
      "sexual exploitation of a child",
      { situations: ["sexual_exploitation"], childInvolved: "yes" },
      ["mr-child-protection:primary", "mr-national-authority:primary", "mr-ngo-shelter:notify", "mr-police:primary"],
    ],
    [
      "forced marriage of a child",
      { situations: ["forced_or_early_marriage"], childInvolved: "yes" },
      ["mr-child-protection:primary", "mr-national-authority:primary", "mr-ngo-shelter:notify"],
    ],
    [
      "held for ransom",
      { situations: ["held_captive_or_for_ransom"], priority: "P0", classification: "both" },
      ["iom-mauritania:notify", "mr-gendarmerie:primary", "mr-national-authority:notify", "mr-police:primary"],
    ],
    [
      "an unsafe pirogue with children aboard",
      { situations: ["unsafe_boat_departure"], childInvolved: "yes", priority: "P0", classification: "smuggling" },
      [
        "iom-mauritania:notify",
        "mr-child-protection:primary",
        "mr-coast-guard:primary",
        "mr-gendarmerie:primary",
        "mr-national-authority:notify",
        "mr-police:primary",
      ],
    ],
    [
      "smuggling, not urgent",
      { situations: ["paid_border_crossing"], classification: "smuggling", priority: "P3" },
      ["mr-national-authority:primary", "unodc-focal-point:notify"],
    ],
    [
      "victim now in another country",
      { otherCountries: ["ES"], priority: "P3", classification: "unclear" },
      ["iom-mauritania:notify", "mr-national-authority:primary"],
    ],
    ["nothing matches: the fallback", { priority: null, classification: null }, ["mr-national-authority:primary"]],
  ])("%s", (_label, patch, expected) => {
    expect(routed(patch)).toEqual(expected);
  });

  it("withholds police from an adult victim's own report without consent, and says why", () => {
    const result = route(
      input({ situations: ["forced_labour_other"], reporterRole: "victim", victimConsentPolice: "no" }),
      table,
    );
    expect(result.routes.map((r) => r.agencyId)).not.toContain("mr-police");
    expect(result.withheld).toEqual([
      expect.objectContaining({ agencyId: "mr-police", reason: expect.stringMatching(/did not consent/) }),
    ]);
    expect(
      routed({ situations: ["forced_labour_other"], reporterRole: "victim", victimConsentPolice: "yes" }),
    ).toContain("mr-police:notify");
  });

  it("withholds every police force, coast guard included, from an adult victim's own report of a boat departure", () => {
    const result = route(
      input({
        situations: ["unsafe_boat_departure"],
        reporterRole: "victim",
        victimConsentPolice: "no",
        priority: "P1",
      }),
      table,
    );
    expect([...new Set(result.withheld.map((w) => w.agencyId))].sort()).toEqual([
      "mr-coast-guard",
      "mr-gendarmerie",
      "mr-police",
    ]);
    expect(result.routes.map((r) => kindOf.get(r.agencyId))).not.toContain("coast_guard");
  });

  it.each<[string, Partial<RoutingInput>]>([
    ["ongoing exploitation of an adult (P2)", { priority: "P2", classification: "unclear" }],
    ["information (P3)", { priority: "P3", classification: "unclear" }],
    ["an adult victim who refused police (P1)", { reporterRole: "victim", victimConsentPolice: "no", priority: "P1" }],
  ])("gives %s to the national authority by a rule, not by the fallback", (_label, patch) => {
    const { routes } = route(input(patch), table);
    expect(routes.find((r) => r.role === "primary")).toMatchObject({
      agencyId: "mr-national-authority",
      ruleId: expect.any(String),
    });
  });

  it("records the rule behind each decision, and none for an invariant", () => {
    const [decision] = route(input({ situations: ["slavery_by_descent"] }), table).routes;
    expect(decision).toMatchObject({ ruleId: "rule-3", reason: "Slavery by descent: national authority (line 1916)" });
    const fallback = route(input({ priority: null, classification: null }), table).routes[0];
    expect(fallback).toMatchObject({ ruleId: null, reason: expect.stringMatching(/fallback/) });
  });
});

describe("invariants, for any tip", () => {
  it("a child involved, or perhaps involved, always reaches child protection", () => {
    fc.assert(
      fc.property(routingInput, (tip) => {
        if (tip.childInvolved === "no") return;
        expect(route(tip, table).routes.map((r) => r.agencyId)).toContain("mr-child-protection");
      }),
      { numRuns: 2_000 },
    );
  });

  it("an adult victim's own report reaches law enforcement only with consent, except P0", () => {
    fc.assert(
      fc.property(routingInput, (tip) => {
        if (
          tip.reporterRole !== "victim" ||
          tip.childInvolved !== "no" ||
          tip.priority === "P0" ||
          tip.victimConsentPolice === "yes"
        )
          return;
        const lawEnforcement = route(tip, table).routes.filter((r) =>
          POLICE_KINDS.includes(kindOf.get(r.agencyId) ?? ""),
        );
        expect(lawEnforcement).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("there is exactly one decision per agency and at least one primary", () => {
    fc.assert(
      fc.property(routingInput, (tip) => {
        const { routes } = route(tip, table);
        expect(routes.some((r) => r.role === "primary")).toBe(true);
        expect(new Set(routes.map((r) => r.agencyId)).size).toBe(routes.length);
      }),
      { numRuns: 2_000 },
    );
  });
});
