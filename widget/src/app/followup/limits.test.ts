import { FOLLOWUP_MESSAGE_MAX } from "@shared/followup.js";
import { describe, expect, it } from "vitest";
import { REPLY_MAX } from "./limits.js";

describe("the reply's limit in the widget", () => {
  it("is the contract's, and the issue's 10,000 characters", () => {
    expect(REPLY_MAX).toBe(FOLLOWUP_MESSAGE_MAX);
    expect(REPLY_MAX).toBe(10_000);
  });
});
