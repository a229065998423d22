import { describe, expect, it } from "vitest";
import { formatReceipt, generateReceipt, normaliseReceipt, RECEIPT_DIGITS } from "./receipt.js";

describe("generateReceipt", () => {
  it("gives 20 decimal digits", () => {
    for (let i = 0; i < 100; i++) expect(generateReceipt()).toMatch(/^\d{20}$/);
  });

  it("does not repeat across many draws", () => {
    const seen = new Set(Array.from({ length: 10_000 }, generateReceipt));
    expect(seen.size).toBe(10_000);
  });

  it("uses every digit about equally in every position (no modulo bias)", () => {
    const counts = Array.from({ length: RECEIPT_DIGITS }, () => Array(10).fill(0) as number[]);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      for (const [pos, d] of [...generateReceipt()].entries()) counts[pos]![Number(d)]!++;
    }
    for (const position of counts)
      for (const n of position) expect(Math.abs(n - draws / 10)).toBeLessThan(draws * 0.015);
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
