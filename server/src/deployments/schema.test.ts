import { describe, expect, it } from "vitest";
import mauritania from "./mauritania.json" with { type: "json" };
import { deploymentSchema } from "./schema.js";

const withAgencies = (patch: (agency: (typeof mauritania.agencies)[number]) => object) => ({
  ...mauritania,
  agencies: mauritania.agencies.map((a) => ({ ...a, ...patch(a) })),
});

describe("the deployment file's coordinating agency", () => {
  it("is Mauritania's national authority, and no other agency", () => {
    const parsed = deploymentSchema.parse(mauritania);
    expect(parsed.agencies.filter((a) => a.coordinating).map((a) => a.slug)).toEqual(["mr-national-authority"]);
  });

  it("is at most one", () => {
    const two = withAgencies((a) => (a.slug === "mr-child-protection" ? { coordinating: true } : {}));
    expect(deploymentSchema.safeParse(two).error?.issues.map((i) => i.message)).toEqual([
      "at most one agency may be the coordinating one",
    ]);
  });

  it("may be left out", () => {
    const none = withAgencies(() => ({ coordinating: false }));
    expect(deploymentSchema.safeParse(none).success).toBe(true);
  });

  it("is never police, gendarmerie or coast guard, which would reach adult victims who refused them", () => {
    for (const slug of ["mr-police", "mr-gendarmerie", "mr-coast-guard"]) {
      const police = withAgencies((a) => ({ coordinating: a.slug === slug }));
      expect(deploymentSchema.safeParse(police).error?.issues.map((i) => i.message)).toEqual([
        "the coordinating agency cannot be police, gendarmerie or coast guard",
      ]);
    }
  });
});
