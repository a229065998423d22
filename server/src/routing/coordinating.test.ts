import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDeployment } from "../deployments/index.js";
import { type RoutingTable, route } from "./index.js";
import { routingInput } from "./input.arbitrary.js";
import type { RoutingInput } from "./rules.js";
import { tableOfDeployment } from "./table-of-deployment.js";

const mauritania = tableOfDeployment(loadDeployment("mauritania"));
// From the documented invariants, written here rather than imported from the code under test.
const POLICE_KINDS = ["police", "gendarmerie", "coast_guard"];
const kindOf = new Map(mauritania.agencies.map((a) => [a.id, a.kind]));
const COORDINATING_REASON = /coordinating/;

/** Mauritania's agencies under any subset of its rules, with any one non-police agency (or none) coordinating. */
const tables: fc.Arbitrary<{ table: RoutingTable; coordinating: string | null }> = fc
  .record({
    rules: fc.subarray(mauritania.rules),
    coordinating: fc.option(
      fc.constantFrom(...mauritania.agencies.filter((a) => !POLICE_KINDS.includes(a.kind)).map((a) => a.id)),
      { nil: null },
    ),
  })
  .map(({ rules, coordinating }) => ({
    coordinating,
    table: { rules, agencies: mauritania.agencies.map((a) => ({ ...a, isCoordinating: a.id === coordinating })) },
  }));

const withoutConsent = (tip: RoutingInput) =>
  tip.reporterRole === "victim" &&
  tip.childInvolved === "no" &&
  tip.priority !== "P0" &&
  tip.victimConsentPolice !== "yes";

describe("the coordinating agency, for any tip and any table", () => {
  it("receives every tip when one is named, and the other invariants still hold", () => {
    fc.assert(
      fc.property(routingInput, tables, (tip, { table, coordinating }) => {
        const { routes } = route(tip, table);
        const agencies = routes.map((r) => r.agencyId);
        if (coordinating) expect(agencies).toContain(coordinating);
        else expect(routes.map((r) => r.reason)).not.toContainEqual(expect.stringMatching(COORDINATING_REASON));
        if (tip.childInvolved !== "no") expect(agencies).toContain("mr-child-protection");
        if (withoutConsent(tip)) expect(agencies.filter((a) => POLICE_KINDS.includes(kindOf.get(a) ?? ""))).toEqual([]);
        expect(routes.some((r) => r.role === "primary")).toBe(true);
        expect(new Set(agencies).size).toBe(agencies.length);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("the coordinating agency in the Mauritania table", () => {
  const tip = (patch: Partial<RoutingInput>): RoutingInput => ({
    country: "MR",
    region: null,
    situations: [],
    childInvolved: "no",
    reporterRole: "witness",
    victimConsentPolice: null,
    disclosure: "anonymous",
    language: "fr",
    otherCountries: [],
    priority: "P1",
    classification: "unclear",
    ...patch,
  });

  it("is the national authority, notified with the invariant's reason when no rule names it", () => {
    const { routes } = route(tip({}), mauritania);
    expect(routes).toContainEqual({
      agencyId: "mr-national-authority",
      role: "notify",
      ruleId: null,
      reason: expect.stringMatching(COORDINATING_REASON),
    });
  });

  it("keeps a rule's own decision when a rule already names it", () => {
    const { routes } = route(tip({ situations: ["slavery_by_descent"], priority: "P2" }), mauritania);
    expect(routes.find((r) => r.agencyId === "mr-national-authority")).toMatchObject({
      role: "primary",
      ruleId: expect.any(String),
    });
  });

  it("is withheld, with its reason, from an adult victim who refused police when a database names police", () => {
    const policeCoordinating: RoutingTable = {
      rules: [],
      agencies: mauritania.agencies.map((a) => ({ ...a, isCoordinating: a.id === "mr-police" })),
    };
    const refused = route(tip({ reporterRole: "victim", victimConsentPolice: "no" }), policeCoordinating);
    expect(refused.routes.map((r) => r.agencyId)).not.toContain("mr-police");
    expect(refused.withheld).toEqual([
      { agencyId: "mr-police", ruleId: null, reason: expect.stringMatching(/did not consent/) },
    ]);
    const agreed = route(tip({ reporterRole: "victim", victimConsentPolice: "yes" }), policeCoordinating);
    expect(agreed.routes.map((r) => r.agencyId)).toContain("mr-police");
  });
});
