import type { CaptchaSolution } from "@shared/tip.js";
import { describe, expect, it } from "vitest";
import { readAnswer, type SendResult } from "./api.js";
import { advance, type SendFlow, startFlow } from "./send-flow.js";

const KEY = "key-of-this-report";
const NEW_KEY = "a-new-key";
const NOW = 1_800_000_000_000;
const SOLUTION: CaptchaSolution = { provider: "hcaptcha", response: "10000000-aaaa-bbbb-cccc-000000000001" };
const RECEIPT = "48213377051934266810";

const sending: SendFlow = { phase: "sending", key: KEY, solution: SOLUTION, retried: false };

/** The server's answer as HTTP (status, headers, the documented error body), read as the app reads it. */
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  readAnswer(
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } }),
    NOW,
  );

const error = (code: string, issues?: { path: string; message: string }[]) => ({
  error: { code, message: "…", ...(issues ? { issues } : {}) },
});

const answered = (flow: SendFlow, result: SendResult, now = NOW) =>
  advance(flow, { type: "answered", result, now, newKey: NEW_KEY });

describe("the send flow: from the review to the captcha and the server", () => {
  it("Send without a solved captcha asks for one, under the report's key", () => {
    expect(advance(startFlow(KEY), { type: "send", now: NOW })).toEqual({ phase: "captcha", key: KEY });
  });

  it("a solved captcha sends the report", () => {
    const flow = advance({ phase: "captcha", key: KEY }, { type: "solved", solution: SOLUTION });
    expect(flow).toEqual(sending);
  });

  it("Send with a solved, unspent captcha goes straight to sending", () => {
    const flow = advance({ phase: "editing", key: KEY, solution: SOLUTION }, { type: "send", now: NOW });
    expect(flow).toEqual(sending);
  });
});

describe("the send flow: the server's answers", () => {
  it("201 with a receipt: sent, the receipt kept", async () => {
    expect(answered(sending, await answer(201, { receipt: RECEIPT }))).toEqual({ phase: "sent", receipt: RECEIPT });
  });

  it("201 without a readable receipt: a retryable failure under the same key (the retry replays the stored answer)", async () => {
    const flow = answered(sending, await answer(201, { receipt: "not digits" }));
    expect(flow).toMatchObject({ phase: "failed", key: KEY, solution: SOLUTION, message: "error.server" });
  });

  it("network failure: failed, retryable at once with the same key and the same captcha", () => {
    const flow = answered(sending, { ok: false, problem: "offline" });
    expect(flow).toEqual({
      phase: "failed",
      key: KEY,
      solution: SOLUTION,
      message: "error.offline",
      retryAt: NOW,
      offline: true,
    });
    expect(advance(flow, { type: "retry", now: NOW })).toEqual(sending);
  });

  it("503 with Retry-After: failed, no retry before the wait is over, then the same report under the same key", async () => {
    const flow = answered(sending, await answer(503, error("service_unavailable"), { "Retry-After": "120" }));
    expect(flow).toEqual({
      phase: "failed",
      key: KEY,
      solution: SOLUTION,
      message: "error.busy",
      retryAt: NOW + 120_000,
      offline: false,
    });
    expect(advance(flow, { type: "retry", now: NOW + 119_999 })).toBe(flow);
    // Send again from the review during the wait: the failure and its countdown, not a new attempt.
    expect(advance(flow, { type: "send", now: NOW + 60_000 })).toBe(flow);
    expect(advance(flow, { type: "retry", now: NOW + 120_000 })).toEqual(sending);
  });

  it("503 with Retry-After as an HTTP date: the wait is counted from now", async () => {
    const date = new Date(NOW + 90_000).toUTCString();
    const flow = answered(sending, await answer(503, error("database_unavailable"), { "Retry-After": date }));
    expect(flow).toMatchObject({ phase: "failed", retryAt: NOW + 90_000 });
  });

  it("429 with Retry-After: failed for the wait; the captcha was spent, so the retry asks a new one, same key", async () => {
    const flow = answered(sending, await answer(429, error("rate_limited"), { "Retry-After": "600" }));
    expect(flow).toEqual({
      phase: "failed",
      key: KEY,
      solution: null,
      message: "error.rateLimited",
      retryAt: NOW + 600_000,
      offline: false,
    });
    expect(advance(flow, { type: "retry", now: NOW + 599_000 })).toBe(flow);
    expect(advance(flow, { type: "retry", now: NOW + 600_000 })).toEqual({ phase: "captcha", key: KEY });
  });

  it("429 without Retry-After: a minute's wait all the same", async () => {
    const flow = answered(sending, await answer(429, error("rate_limited")));
    expect(flow).toMatchObject({ phase: "failed", retryAt: NOW + 60_000 });
  });

  it("409 once: the same report again at once, under a new key", async () => {
    const flow = answered(sending, await answer(409, error("idempotency_conflict")));
    expect(flow).toEqual({ phase: "sending", key: NEW_KEY, solution: SOLUTION, retried: true });
  });

  it("409 a second time: a failure with a message, under the new key, no endless resending", async () => {
    const again: SendFlow = { phase: "sending", key: "first-new-key", solution: SOLUTION, retried: true };
    const flow = answered(again, await answer(409, error("idempotency_conflict")));
    expect(flow).toMatchObject({ phase: "failed", key: NEW_KEY, solution: SOLUTION, message: "error.server" });
    // A retry is a new round: one more 409 may again be resent once.
    expect(advance(flow, { type: "retry", now: NOW })).toEqual({
      phase: "sending",
      key: NEW_KEY,
      solution: SOLUTION,
      retried: false,
    });
  });

  it("422: refused, each refused answer marked beside its field, the first in form order to be shown", async () => {
    const issues = [
      { path: "tip.contact.means", message: "Too long" },
      { path: "tip.narrative", message: "Contains a character that is not allowed" },
    ];
    const flow = answered(sending, await answer(422, error("validation_failed", issues)));
    expect(flow).toEqual({
      phase: "refused",
      key: KEY,
      solution: SOLUTION,
      errors: { narrative: { id: "error.notAccepted" }, contactMeans: { id: "error.notAccepted" } },
      field: "narrative",
      step: "narrative",
    });
    // Corrected, then sent from the review: the same key, and the captcha that the 422 did not spend.
    expect(advance(flow, { type: "send", now: NOW })).toEqual(sending);
  });

  it("422 naming nothing the reporter can change: a failure that says the report was not accepted", async () => {
    const flow = answered(sending, await answer(422, error("validation_failed", [{ path: "partner", message: "…" }])));
    expect(flow).toMatchObject({ phase: "failed", key: KEY, message: "error.rejected" });
  });

  it("403 captcha_failed: a new captcha, under the same key", async () => {
    expect(answered(sending, await answer(403, error("captcha_failed")))).toEqual({ phase: "captcha", key: KEY });
  });

  it("403 for another reason: a failure that says the report was not accepted", async () => {
    const flow = answered(sending, await answer(403, error("origin_not_allowed")));
    expect(flow).toMatchObject({ phase: "failed", key: KEY, message: "error.rejected" });
  });

  it("500 without a body: a retryable failure under the same key", async () => {
    const flow = answered(sending, await readAnswer(new Response("oops", { status: 500 }), NOW));
    expect(flow).toMatchObject({ phase: "failed", key: KEY, solution: SOLUTION, message: "error.server" });
  });
});

describe("the send flow: after the receipt, and events out of place", () => {
  it("a new report after the receipt starts afresh under a new key", () => {
    expect(advance({ phase: "sent", receipt: RECEIPT }, { type: "restart", newKey: NEW_KEY })).toEqual(
      startFlow(NEW_KEY),
    );
  });

  it.each<[string, SendFlow, Parameters<typeof advance>[1]]>([
    [
      "an answer while nothing is being sent",
      startFlow(KEY),
      { type: "answered", result: { ok: true, receipt: RECEIPT }, now: NOW, newKey: NEW_KEY },
    ],
    ["a second press of Send while sending", sending, { type: "send", now: NOW }],
    ["a captcha solved while sending", sending, { type: "solved", solution: SOLUTION }],
    ["a retry while sending", sending, { type: "retry", now: NOW }],
    ["a restart before the report was sent", startFlow(KEY), { type: "restart", newKey: NEW_KEY }],
  ])("%s changes nothing", (_, flow, event) => {
    expect(advance(flow, event)).toBe(flow);
  });
});
