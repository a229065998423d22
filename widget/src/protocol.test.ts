import { describe, expect, it } from "vitest";
import { readFormMessage } from "./protocol.js";

const EXIT = "https://www.google.com/search?q=meteo";

describe("readFormMessage: what the loader accepts from the form", () => {
  it.each([
    [
      { source: "balagh", type: "ready" },
      { source: "balagh", type: "ready" },
    ],
    [
      { source: "balagh", type: "close" },
      { source: "balagh", type: "close" },
    ],
    [
      { source: "balagh", type: "exit", url: EXIT },
      { source: "balagh", type: "exit", url: EXIT },
    ],
    [
      { source: "balagh", type: "exit", url: "http://partner.example/" },
      { source: "balagh", type: "exit", url: "http://partner.example/" },
    ],
  ])("accepts %j", (data, read) => {
    expect(readFormMessage(data)).toEqual(read);
  });

  it("keeps only the fields of the message, never extra ones", () => {
    expect(readFormMessage({ source: "balagh", type: "ready", height: 3000, narrative: "typed" })).toEqual({
      source: "balagh",
      type: "ready",
    });
  });

  it.each([
    ["nothing", undefined],
    ["null", null],
    ["a string", "balagh"],
    ["a number", 42],
    ["an array", ["balagh", "exit"]],
    ["no source", { type: "close" }],
    ["another source", { source: "balagh-app", type: "close" }],
    ["a source of another case", { source: "Balagh", type: "close" }],
    ["a source that is not a string", { source: ["balagh"], type: "close" }],
    ["no type", { source: "balagh" }],
    ["an unknown type", { source: "balagh", type: "open" }],
    ["the resize the form no longer sends", { source: "balagh", type: "resize", height: 3000 }],
    ["a type of another case", { source: "balagh", type: "EXIT" }],
    ["a type that is not a string", { source: "balagh", type: 1 }],
    ["a type in an array", { source: "balagh", type: ["close"] }],
    ["a huge type", { source: "balagh", type: `close${" ".repeat(1_000_000)}` }],
  ])("refuses %s", (_, data) => {
    expect(readFormMessage(data)).toBeNull();
  });

  it.each([
    ["no URL", undefined],
    ["a URL that is not a string", 42],
    ["a URL object", { href: EXIT }],
    ["a URL in an array", [EXIT]],
    ["a script URL", "javascript:alert(1)"],
    ["a data URL", "data:text/html,<p>hi"],
    ["a relative URL", "/somewhere"],
    ["a huge URL", `https://partner.example/${"a".repeat(100_000)}`],
  ])("turns an exit with %s into an exit to a blank page, never into staying", (_, url) => {
    expect(readFormMessage({ source: "balagh", type: "exit", url })).toEqual({
      source: "balagh",
      type: "exit",
      url: "about:blank",
    });
  });
});
