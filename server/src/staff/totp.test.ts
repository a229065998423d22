import { describe, expect, it } from "vitest";
import { normaliseCode, spelledOut, totpStep } from "./totp.js";

// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" and its codes (the last six digits).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("accepts the RFC 6238 test vectors, each in its own 30-second step", () => {
    expect(totpStep(RFC_SECRET, "287082", new Date(59_000))).toBe(1);
    expect(totpStep(RFC_SECRET, "081804", new Date(1_111_111_109_000))).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, "050471", new Date(1_111_111_111_000))).toBe(37_037_037);
  });

  it("allows one step of clock drift either way, not two", () => {
    const at = new Date(1_111_111_109_000);
    expect(totpStep(RFC_SECRET, "081804", new Date(at.getTime() + 30_000))).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, "081804", new Date(at.getTime() - 30_000))).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, "081804", new Date(at.getTime() + 60_000))).toBeNull();
    expect(totpStep(RFC_SECRET, "081805", at)).toBeNull();
  });

  it("reads what people type: spaces, dashes, Arabic-Indic and Persian digits", () => {
    expect(normaliseCode(" 287 082 ")).toBe("287082");
    expect(normaliseCode("٢٨٧-٠٨٢")).toBe("287082");
    expect(normaliseCode("۲۸۷۰۸۲")).toBe("287082");
    expect(normaliseCode("\u200f٢٨٧٠٨٢")).toBe("287082");
  });

  it("spells a key in groups of four", () => {
    expect(spelledOut("GEZDGNBVGY3TQOJQ")).toBe("GEZD GNBV GY3T QOJQ");
  });
});
