import { afterEach, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../fixtures/stack.js";
import { submission } from "../fixtures/tips.js";

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** A real tip through the real Node server, with whatever X-Forwarded-For a caller or a proxy wrote. */
const post = (s: Stack, forwardedFor?: string) =>
  fetch(`${s.hotline}/api/v1/tips`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(forwardedFor !== undefined && { "X-Forwarded-For": forwardedFor }),
    },
    body: JSON.stringify(submission({ provider: "hcaptcha", response: s.fake.issue() })),
  }).then((r) => r.status);

describe("the client address behind a proxy (TRUST_PROXY)", () => {
  it("is the last X-Forwarded-For entry: entries the caller wrote before it change nothing", async () => {
    stack = await startStack({ TRUST_PROXY: "true", TIP_RATE_LIMIT_MAX: "1" });
    expect(await post(stack, "198.51.100.1, 203.0.113.5")).toBe(201);
    expect(await post(stack, "10.9.9.9, 203.0.113.5")).toBe(429);
    expect(await post(stack, "203.0.113.5")).toBe(429);
    expect(await post(stack, "198.51.100.1, 203.0.113.6")).toBe(201);
  });

  it("is the connection's own address when there is no X-Forwarded-For, not one bucket for all such requests", async () => {
    stack = await startStack({ TRUST_PROXY: "true", TIP_RATE_LIMIT_MAX: "1" });
    expect(await post(stack, "203.0.113.20")).toBe(201);
    expect(await post(stack)).toBe(201);
    expect(await post(stack)).toBe(429);
    expect(await post(stack, "127.0.0.1")).toBe(429);
    expect(await post(stack, "203.0.113.21")).toBe(201);
  });
});

describe("the client address without TRUST_PROXY", () => {
  it("ignores X-Forwarded-For: a caller cannot pick a fresh address for every request", async () => {
    stack = await startStack({ TIP_RATE_LIMIT_MAX: "1" });
    expect(await post(stack, "203.0.113.7")).toBe(201);
    expect(await post(stack, "203.0.113.8")).toBe(429);
    expect(await post(stack)).toBe(429);
  });
});
