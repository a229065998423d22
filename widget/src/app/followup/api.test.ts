import { afterEach, describe, expect, it, vi } from "vitest";
import { failureOf, openSession, readConversation } from "./api.js";

const NOW = 1_800_000_000_000;
const reply = (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("follow-up API answers", () => {
  it("401 is an ended session; 429 carries its Retry-After, in seconds or as a date", () => {
    expect(failureOf(reply(401), NOW)).toEqual({ ok: false, problem: "expired" });
    expect(failureOf(reply(429, {}, { "Retry-After": "90" }), NOW)).toEqual({
      ok: false,
      problem: "rate",
      retryAfterSeconds: 90,
    });
    const inTwoMinutes = new Date(NOW + 120_000).toUTCString();
    expect(failureOf(reply(429, {}, { "Retry-After": inTwoMinutes }), NOW)).toMatchObject({ retryAfterSeconds: 120 });
  });

  it("a refused receipt reads the same whatever the status and body; 429 and outages do not", async () => {
    const answers = [reply(401), reply(404), reply(403), reply(422, { error: { code: "validation_failed" } })];
    for (const response of answers) {
      vi.stubGlobal("fetch", async () => response);
      expect(await openSession("48213377051934266810")).toEqual({ ok: false, problem: "wrong" });
    }
    vi.stubGlobal("fetch", async () => reply(429, {}, { "Retry-After": "5" }));
    expect(await openSession("48213377051934266810")).toMatchObject({ problem: "rate", retryAfterSeconds: 5 });
    vi.stubGlobal("fetch", async () => reply(503));
    expect(await openSession("48213377051934266810")).toMatchObject({ problem: "busy" });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await openSession("48213377051934266810")).toEqual({ ok: false, problem: "offline" });
  });

  it("the conversation: newest last, messages of an unknown shape left out, an unknown status refused", () => {
    const conversation = readConversation({
      status: "referred",
      receivedAt: "2027-01-15T08:00:00.000Z",
      messages: [
        { from: "reporter", body: "second", sentAt: "2027-01-15T09:00:00.000Z" },
        { from: "staff", body: "not a side", sentAt: "2027-01-15T09:30:00.000Z" },
        { from: "hotline", body: "first", sentAt: "2027-01-15T08:30:00.000Z" },
        { from: "hotline", body: 42, sentAt: "2027-01-15T08:40:00.000Z" },
      ],
    });
    expect(conversation?.messages.map((m) => m.body)).toEqual(["first", "second"]);
    expect(readConversation({ status: "spam", messages: [] })).toBeNull();
  });
});
