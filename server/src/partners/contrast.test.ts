import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast.js";

/** Reference values of the WCAG 2.x formula, as contrast checkers give them. */
describe("contrast ratio", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#767676", "#ffffff", 4.54],
    ["#777777", "#ffffff", 4.48],
    ["#ffff00", "#ffffff", 1.07],
  ])("%s on %s: %d:1", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });
});
