import { describe, expect, it } from "vitest";
import { inlineParams } from "../../server/src/cli/d1.js";

// wrangler's `d1 execute` takes no bound parameters: every value the CLI writes to D1 becomes a literal.
describe("statements for wrangler d1 execute", () => {
  it("quotes text, doubling its quotes, so that a name with an apostrophe stays one value", () => {
    expect(
      inlineParams("insert into agencies (name) values (?)", ["Ministère de l'Action sociale'); drop table tips; --"]),
    ).toBe("insert into agencies (name) values ('Ministère de l''Action sociale''); drop table tips; --')");
  });

  it("leaves a question mark inside a quoted string or identifier alone", () => {
    expect(inlineParams(`select "a?" from t where b = '?' and c = ?`, [1])).toBe(
      `select "a?" from t where b = '?' and c = 1`,
    );
  });

  it("writes numbers, booleans, null and bytes as SQLite literals", () => {
    expect(inlineParams("values (?, ?, ?, ?, ?)", [42, true, false, null, new Uint8Array([0, 255])])).toBe(
      "values (42, 1, 0, NULL, X'00ff')",
    );
  });

  it("refuses a count of parameters that does not match the placeholders", () => {
    expect(() => inlineParams("values (?, ?)", [1])).toThrow();
    expect(() => inlineParams("values (?)", [1, 2])).toThrow();
  });
});
