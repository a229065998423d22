import { describe, expect, it } from "vitest";
import { formatReceipt, generateReceipt, normaliseReceipt } from "./receipt.js";

// Chi-square goodness of fit, at a false-alarm rate of 1e-6 split evenly over its two statistics.
// Critical values: scipy.stats.chi2.isf(5e-7, df) with df = 9 (digits over all positions) and
// df = 180 (9 per position, 20 positions).
const CHI_SQUARE_CRITICAL = { overall: 46.43, perPosition: 288.53 };
// 1,000,000 digits: a %10 bias (digits 0-5 at 26/256, 6-9 at 25/256) goes unseen with a
// probability under 1e-12 (noncentral chi-square), and the check runs in well under a second.
const DRAWS = 50_000;

/** The mistake the rejection sampling prevents: 256 byte values do not split evenly into 10 digits. */
const moduloBiased = () => [...crypto.getRandomValues(new Uint8Array(20))].map((b) => b % 10).join("");

const digitCounts = (generate: () => string) => {
  const counts = Array.from({ length: 20 }, () => Array<number>(10).fill(0));
  for (let i = 0; i < DRAWS; i++)
    for (const [position, d] of [...generate()].entries()) counts[position]![Number(d)]!++;
  return counts;
};

const chiSquare = (observed: number[]) => {
  const expected = observed.reduce((a, b) => a + b, 0) / observed.length;
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
};

const uniformity = (counts: number[][]) => ({
  overall: chiSquare(counts.reduce((total, position) => total.map((n, d) => n + position[d]!))),
  perPosition: counts.reduce((sum, position) => sum + chiSquare(position), 0),
});

describe("generateReceipt", () => {
  it("gives 20 decimal digits", () => {
    for (let i = 0; i < 100; i++) expect(generateReceipt()).toMatch(/^\d{20}$/);
  });

  it("does not repeat across many draws", () => {
    const seen = new Set(Array.from({ length: 10_000 }, generateReceipt));
    expect(seen.size).toBe(10_000);
  });

  it("uses every digit equally often in every position (no modulo bias)", () => {
    const stats = uniformity(digitCounts(generateReceipt));
    expect(stats.overall).toBeLessThan(CHI_SQUARE_CRITICAL.overall);
    expect(stats.perPosition).toBeLessThan(CHI_SQUARE_CRITICAL.perPosition);
  });

  it("has a uniformity check that catches a %10 modulo bias", () => {
    const stats = uniformity(digitCounts(moduloBiased));
    expect(stats.overall).toBeGreaterThan(CHI_SQUARE_CRITICAL.overall);
    expect(stats.perPosition).toBeGreaterThan(CHI_SQUARE_CRITICAL.perPosition);
  });
});

describe("formatReceipt", () => {
  it("shows groups of four", () => {
    expect(formatReceipt("12345678901234567890")).toBe("1234 5678 9012 3456 7890");
  });
});

describe("normaliseReceipt", () => {
  const digits = "12345678901234567890";
  it.each([
    ["plain", digits],
    ["grouped", "1234 5678 9012 3456 7890"],
    ["dashes", "1234-5678-9012-3456-7890"],
    ["en dashes and non-breaking spaces", "1234\u20135678\u00a09012 3456\u20137890"],
    ["Eastern Arabic digits", "١٢٣٤ ٥٦٧٨ ٩٠١٢ ٣٤٥٦ ٧٨٩٠"],
    ["Persian digits", "۱۲۳۴-۵۶۷۸-۹۰۱۲-۳۴۵۶-۷۸۹۰"],
    ["mixed scripts", "12٣٤ ۵۶78 9٠۱2 3456 7890"],
    ["direction marks from a right-to-left page", "\u200f1234 5678\u200e 9012\u061c 3456 7890\u200f"],
    ["surrounding whitespace and newlines", "\n  1234 5678 9012 3456 7890 \t"],
  ])("accepts %s", (_label, input) => {
    expect(normaliseReceipt(input)).toBe(digits);
  });

  it.each([
    ["19 digits", "1234567890123456789"],
    ["21 digits", "123456789012345678901"],
    ["letters", "1234 5678 9012 3456 789O"],
    ["empty", ""],
    ["full-width digits", "１２３４５６７８９０１２３４５６７８９０"],
    ["a formatted receipt with a slash", "1234/5678/9012/3456/7890"],
  ])("refuses %s", (_label, input) => {
    expect(normaliseReceipt(input)).toBeNull();
  });

  it("round-trips a generated receipt through its display form", () => {
    const receipt = generateReceipt();
    expect(normaliseReceipt(formatReceipt(receipt))).toBe(receipt);
  });
});
