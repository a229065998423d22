import { describe, expect, it } from "vitest";
import type { Answer, Conversation, Session } from "./api.js";
import { advance, type FollowupFlow, startFollowup } from "./flow.js";

const KEY = "key-of-this-reply";
const NEW_KEY = "a-new-key";
const NOW = 1_800_000_000_000;
const SESSION: Session = { token: "token-1", expiresAt: "2027-01-15T08:30:00.000Z" };
const RECEIPT = "48213377051934266810";
const CONVERSATION: Conversation = {
  status: "in_review",
  receivedAt: "2027-01-15T08:00:00.000Z",
  messages: [{ from: "hotline", body: "Dans quelle rue ?", sentAt: "2027-01-15T08:10:00.000Z", automatic: false }],
};

const typed = (receipt: string) => advance(startFollowup(KEY), { type: "receipt", value: receipt });
const opening = () => advance(typed("٤٨٢١ ٣٣٧٧ ..."), { type: "open", now: NOW, digits: RECEIPT });
const opened = (answer: Answer<Session>, from = opening()) => advance(from, { type: "opened", answer, now: NOW });
const open = (): Extract<FollowupFlow, { phase: "open" }> => {
  const flow = advance(opened({ ok: true, value: SESSION }), {
    type: "loaded",
    token: SESSION.token,
    answer: { ok: true, value: CONVERSATION },
  });
  if (flow.phase !== "open") throw new Error("not open");
  return flow;
};
const writing = (text: string) => advance(open(), { type: "reply", value: text });
const sending = (text = "La rue derrière le marché.") => advance(writing(text), { type: "send", now: NOW });
const answered = (flow: FollowupFlow, answer: Answer<null>, token = SESSION.token) =>
  advance(flow, { type: "sent", token, answer, now: NOW, newKey: NEW_KEY });

describe("follow-up: the receipt typed back", () => {
  it("a receipt that does not normalise to 20 digits is refused on the spot, nothing sent, what was typed kept", () => {
    const flow = advance(typed("1234 5678"), { type: "open", now: NOW, digits: null });
    expect(flow).toMatchObject({ phase: "entry", receipt: "1234 5678", problem: "format" });
  });

  it("a receipt opens a session with the normalised digits; the typed text stays shown meanwhile", () => {
    expect(opening()).toMatchObject({ phase: "opening", digits: RECEIPT, receipt: "٤٨٢١ ٣٣٧٧ ..." });
  });

  it("a session opened: the conversation is loaded, and the receipt is no longer held", () => {
    const flow = opened({ ok: true, value: SESSION });
    expect(flow).toMatchObject({ phase: "open", session: SESSION, loading: true, conversation: null });
    expect(JSON.stringify(flow)).not.toContain(RECEIPT);
  });

  it("a refused receipt: one same problem whatever the server's reason, the typed text kept", () => {
    for (const problem of ["wrong", "invalid", "expired", "conflict"] as const) {
      expect(opened({ ok: false, problem })).toMatchObject({
        phase: "entry",
        problem: "wrong",
        receipt: "٤٨٢١ ٣٣٧٧ ...",
      });
    }
  });

  it("429: told to wait until Retry-After, and Open does nothing before then", () => {
    const flow = opened({ ok: false, problem: "rate", retryAfterSeconds: 120 });
    expect(flow).toMatchObject({ phase: "entry", problem: "rate", retryAt: NOW + 120_000 });
    expect(advance(flow, { type: "open", now: NOW + 119_999, digits: RECEIPT })).toBe(flow);
    expect(advance(flow, { type: "open", now: NOW + 120_000, digits: RECEIPT })).toMatchObject({ phase: "opening" });
  });

  it("no connection or a server failure: said as such, not as a wrong number", () => {
    expect(opened({ ok: false, problem: "offline" })).toMatchObject({ phase: "entry", problem: "offline" });
    expect(opened({ ok: false, problem: "server" })).toMatchObject({ phase: "entry", problem: "server" });
  });
});

describe("follow-up: the status and the conversation", () => {
  it("loaded: shown; an answer for another session's token is ignored", () => {
    expect(open()).toMatchObject({ conversation: CONVERSATION, loading: false, loadFailed: false });
    const stale = advance(opened({ ok: true, value: SESSION }), {
      type: "loaded",
      token: "an-older-token",
      answer: { ok: true, value: CONVERSATION },
    });
    expect(stale).toMatchObject({ conversation: null, loading: true });
  });

  it("401 while reading: the receipt is asked for again, the session dropped", () => {
    const flow = advance(opened({ ok: true, value: SESSION }), {
      type: "loaded",
      token: SESSION.token,
      answer: { ok: false, problem: "expired" },
    });
    expect(flow).toMatchObject({ phase: "entry", expired: true, receipt: "" });
    expect(JSON.stringify(flow)).not.toContain(SESSION.token);
  });

  it("Check for new messages reads again", () => {
    expect(advance(open(), { type: "load" })).toMatchObject({ loading: true, conversation: CONVERSATION });
  });
});

describe("follow-up: replying", () => {
  it("an empty or blank reply is not sent", () => {
    expect(advance(writing("  \n "), { type: "send", now: NOW })).toMatchObject({
      send: { kind: "refused", error: "required" },
    });
  });

  it("10,000 characters (counted as a person counts them) is the limit", () => {
    const emoji = "👩🏽"; // two code points, four UTF-16 units
    expect(sending("x".repeat(10_000))).toMatchObject({ send: { kind: "sending" } });
    expect(sending("x".repeat(10_001))).toMatchObject({ send: { kind: "refused", error: "tooLong" } });
    expect(sending(emoji.repeat(5_000))).toMatchObject({ send: { kind: "sending" } });
  });

  it("sent: the box empties, the next message gets a new key, and the conversation is read again", () => {
    expect(answered(sending(), { ok: true, value: null })).toMatchObject({
      reply: { text: "", key: NEW_KEY },
      send: { kind: "sent" },
      loading: true,
    });
  });

  it("no connection: failed, the text kept, a retry sends it again under the same key", () => {
    const failed = answered(sending("Le bateau part ce soir."), { ok: false, problem: "offline" });
    expect(failed).toMatchObject({
      reply: { text: "Le bateau part ce soir.", key: KEY },
      send: { kind: "failed", problem: "offline" },
    });
    expect(advance(failed, { type: "send", now: NOW })).toMatchObject({
      reply: { key: KEY },
      send: { kind: "sending" },
    });
  });

  it("429: the text kept, Send does nothing until Retry-After has passed", () => {
    const failed = answered(sending(), { ok: false, problem: "rate", retryAfterSeconds: 30 });
    expect(failed).toMatchObject({ send: { kind: "failed", problem: "rate", retryAt: NOW + 30_000 } });
    expect(advance(failed, { type: "send", now: NOW + 29_999 })).toBe(failed);
    expect(advance(failed, { type: "send", now: NOW + 30_000 })).toMatchObject({ send: { kind: "sending" } });
  });

  it("401 on sending: the session is over; the receipt is asked for again and the reply is kept, key and all", () => {
    const text = "Il a un couteau maintenant.";
    const flow = answered(sending(text), { ok: false, problem: "expired" });
    expect(flow).toMatchObject({ phase: "entry", expired: true, receipt: "", reply: { text, key: KEY } });
    // The receipt again: the same text is there to send.
    const back = opened(
      { ok: true, value: { token: "token-2", expiresAt: SESSION.expiresAt } },
      advance(advance(flow, { type: "receipt", value: RECEIPT }), { type: "open", now: NOW, digits: RECEIPT }),
    );
    expect(back).toMatchObject({ phase: "open", reply: { text, key: KEY }, send: { kind: "idle" } });
  });

  it("422: refused as not accepted, the text kept for changing", () => {
    expect(answered(sending(), { ok: false, problem: "invalid" })).toMatchObject({
      reply: { text: "La rue derrière le marché." },
      send: { kind: "refused", error: "invalid" },
    });
  });

  it("409 (the key went with other text): sent once more under a new key, then a failure", () => {
    const again = answered(sending(), { ok: false, problem: "conflict" });
    expect(again).toMatchObject({ reply: { key: NEW_KEY }, send: { kind: "sending", retried: true } });
    expect(answered(again, { ok: false, problem: "conflict" })).toMatchObject({
      send: { kind: "failed", problem: "server" },
    });
  });

  it("Send while sending, or an answer for another session's token, changes nothing", () => {
    const flow = sending();
    expect(advance(flow, { type: "send", now: NOW })).toBe(flow);
    expect(answered(flow, { ok: true, value: null }, "an-older-token")).toBe(flow);
  });
});
