import { afterEach, describe, expect, it } from "vitest";
import { unseal } from "../../server/src/security/seal.js";
import { naughtyStrings } from "../fixtures/blns.js";
import { manualClock } from "../fixtures/console.js";
import { fileTip, reporter, tokenFor } from "../fixtures/followup-api.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

let t: TestApp;
afterEach(() => t?.close());

const HOUR = 3_600_000;

/** What one message wrote, all of it or none: the row, the tip's count, the audit entry. */
const written = async (tipId: string) => ({
  messages: await t.count("messages"),
  unread: Number((await t.exec(`select unread_messages from tips where id = '${tipId}'`)).rows[0]?.unread_messages),
  audit: Number(
    (await t.exec("select count(*) as n from audit_log where action = 'followup.message.received'")).rows[0]?.n,
  ),
});

const lastMessage = async (tipId: string) => {
  const row = (await t.exec("select id, body_sealed from messages order by rowid desc limit 1")).rows[0];
  return unseal<string>(t.keys, `tip:${tipId}:message:${row?.id}`, String(row?.body_sealed));
};

describe("hostile text in a reporter's message", () => {
  it("stores each naughty string verbatim or refuses it with a readable 422, never a 500, never half written", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const { receipt, tipId } = await fileTip(t);
    const outcomes = { stored: 0, refused: 0 };
    let token = "";
    for (const [i, s] of naughtyStrings().entries()) {
      // A new hour and a new session now and then: a reporter sends at most so many messages an hour.
      if (i % 25 === 0) {
        clock.advance(HOUR);
        token = await tokenFor(t, receipt);
      }
      const before = await written(tipId);
      const response = await reporter(t).send(token, s);
      if (response.status === 201) {
        expect(await lastMessage(tipId)).toBe(s);
        expect(await written(tipId)).toEqual({
          messages: before.messages + 1,
          unread: before.unread + 1,
          audit: before.audit + 1,
        });
        outcomes.stored++;
      } else {
        expect(response.status, JSON.stringify(s)).toBe(422);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/body/);
        expect(await written(tipId)).toEqual(before);
        outcomes.refused++;
      }
    }
    expect(outcomes.stored).toBeGreaterThan((outcomes.stored + outcomes.refused) * 0.8);
  }, 180_000);

  it("keeps markup as text in JSON, and refuses bidi overrides, oversized, empty, malformed and mistyped bodies", async () => {
    t = await createTestApp();
    const { receipt, tipId } = await fileTip(t);
    const token = await tokenFor(t, receipt);
    const markup = `<script>alert(1)</script><img src=x onerror=alert(2)> "' --`;
    expect((await reporter(t).send(token, markup)).status).toBe(201);
    const read = await reporter(t).read(token);
    expect(read.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(read.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(((await read.json()) as { messages: { body: string }[] }).messages.at(-1)?.body).toBe(markup);
    // The limit: up to 10,000 characters, counted as a person counts them (an emoji is one).
    expect((await reporter(t).send(token, "🚤".repeat(10_000))).status).toBe(201);
    const before = await written(tipId);

    const refusals: [string, Response, number, string][] = [
      ["right-to-left override", await reporter(t).send(token, "abc \u202Egpj.exe"), 422, "validation_failed"],
      ["isolate", await reporter(t).send(token, "\u2067hidden\u2069"), 422, "validation_failed"],
      ["NUL", await reporter(t).send(token, "a\u0000b"), 422, "validation_failed"],
      ["10,001 characters", await reporter(t).send(token, "a".repeat(10_001)), 422, "validation_failed"],
      ["empty", await reporter(t).send(token, ""), 422, "validation_failed"],
      ["blank", await reporter(t).send(token, "  \n\t "), 422, "validation_failed"],
      ["missing body", await reporter(t).send(token, {}), 422, "validation_failed"],
      ["body not a string", await reporter(t).send(token, { body: 5 }), 422, "validation_failed"],
      ["unknown field", await reporter(t).send(token, { body: "x", staffId: "x" }), 422, "validation_failed"],
      ["not JSON", await raw(token, "{bad json", "application/json"), 400, "invalid_json"],
      [
        "wrong content type",
        await raw(token, JSON.stringify({ body: "x" }), "text/plain"),
        415,
        "unsupported_media_type",
      ],
      ["form post", await raw(token, "body=x", "application/x-www-form-urlencoded"), 415, "unsupported_media_type"],
      [
        "over 64 KB",
        await raw(token, JSON.stringify({ body: "a".repeat(70_000) }), "application/json"),
        413,
        "payload_too_large",
      ],
    ];
    for (const [name, response, status, code] of refusals) {
      expect(response.status, name).toBe(status);
      expect(response.headers.get("Cache-Control"), name).toBe("no-store");
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, name).toBe(code);
      expect(body.error.message.length, name).toBeGreaterThan(10);
    }
    expect(await written(tipId)).toEqual(before);
  });

  it("answers hostile receipts with a 4xx, never a 500", async () => {
    t = await createTestApp();
    for (const [i, s] of naughtyStrings().slice(0, 300).entries()) {
      const response = await reporter(t, `10.9.${Math.floor(i / 200)}.${i % 200}`).open(s);
      expect([404, 422], JSON.stringify(s)).toContain(response.status);
    }
    for (const body of [{}, { receipt: 1234567890 }, { receipt: "1".repeat(101) }, { receipt: "x", more: 1 }]) {
      expect((await reporter(t, "10.9.9.9").open(body)).status, JSON.stringify(body)).toBe(422);
    }
  }, 60_000);

  function raw(token: string, body: string, type: string) {
    return t.app.request("/api/v1/followup/messages", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": type, "Idempotency-Key": crypto.randomUUID() },
      body,
    });
  }
});
