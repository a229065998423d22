import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { submission, validTip } from "../fixtures/tips.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ rateLimitMax: 3 });
});
afterEach(() => t.close());

type ErrorJson = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

/** Every refusal: the right status and code, a readable message, no stack trace, and nothing written. */
const expectRefused = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const text = await res.text();
  expect(text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|Error:/);
  const body = JSON.parse(text) as ErrorJson;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(await t.tipCount()).toBe(0);
  expect(await t.count("tip_routes")).toBe(0);
  expect(await t.count("idempotency_keys")).toBe(0);
  return body;
};

const withTip = (patch: Record<string, unknown>) => t.body({ ...validTip(), ...patch });

describe("malformed requests", () => {
  it("400 for malformed JSON", async () => {
    await expectRefused(await t.post('{"partner": "demo", "tip": {'), 400, "invalid_json");
  });

  it("415 for a body that is not JSON", async () => {
    const res = await t.app.request("/api/v1/tips", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify(t.body()),
    });
    await expectRefused(res, 415, "unsupported_media_type");
  });

  it("415 when the content type is missing", async () => {
    const res = await t.app.request("/api/v1/tips", { method: "POST", body: JSON.stringify(t.body()) });
    await expectRefused(res, 415, "unsupported_media_type");
  });

  it("413 for a body over 64 KB, before parsing", async () => {
    const huge = JSON.stringify(withTip({ narrative: "x".repeat(70 * 1024) }));
    await expectRefused(await t.post(huge), 413, "payload_too_large");
  });

  it("422 for an empty body, a JSON array and a JSON string", async () => {
    for (const body of ["{}", "[]", '"tip"', "null"]) await expectRefused(await t.post(body), 422, "validation_failed");
  });
});

describe("schema", () => {
  it("names each missing required field", async () => {
    const { narrative: _n, dangerNow: _d, ...tip } = validTip();
    const body = await expectRefused(await t.post(t.body(tip)), 422, "validation_failed");
    const paths = body.error.issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["tip.narrative", "tip.dangerNow"]));
  });

  it("refuses unknown fields at every level", async () => {
    await expectRefused(await t.post({ ...t.body(), extra: 1 }), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ reporterIp: "203.0.113.7" })), 422, "validation_failed");
    await expectRefused(
      await t.post(withTip({ location: { country: "MR", gps: "18.08,-15.97" } })),
      422,
      "validation_failed",
    );
  });

  it("refuses out-of-range enumerations and codes", async () => {
    await expectRefused(await t.post(withTip({ dangerNow: "maybe" })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ situations: ["organ_removal_x"] })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ location: { country: "XX" } })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ location: { country: "mr" } })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ language: "de" })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ people: { count: -1 } })), 422, "validation_failed");
    await expectRefused(
      await t.post(withTip({ situations: ["domestic_servitude", "domestic_servitude"] })),
      422,
      "validation_failed",
    );
  });

  it("bounds arrays", async () => {
    const nationalities = Array(21).fill("SN");
    await expectRefused(await t.post(withTip({ people: { nationalities } })), 422, "validation_failed");
  });

  it("accepts a 10,000-character narrative and refuses 10,001 (counted in characters, not UTF-16 units)", async () => {
    await expectRefused(await t.post(withTip({ narrative: "ب".repeat(10_001) })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ narrative: "😀".repeat(10_001) })), 422, "validation_failed");
    expect((await t.post(withTip({ narrative: "ب".repeat(10_000) }))).status).toBe(201);
    expect((await t.post(withTip({ narrative: "😀".repeat(10_000) }))).status).toBe(201);
  });

  it("refuses a short text over 500 characters and a blank narrative", async () => {
    await expectRefused(await t.post(withTip({ details: { suspects: "a".repeat(501) } })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ narrative: "   \n\t " })), 422, "validation_failed");
  });

  it("refuses NUL bytes, control characters and bidirectional overrides, naming the character", async () => {
    for (const narrative of [
      "before\u0000after",
      "bell\u0007",
      "esc\u001b[31m",
      "\u202Eevil\u202C",
      "iso\u2066late\u2069",
      "c1\u0085",
    ]) {
      const body = await expectRefused(await t.post(withTip({ narrative })), 422, "validation_failed");
      expect(body.error.message).toMatch(/U\+[0-9A-F]{4}/);
    }
    await expectRefused(
      await t.post(withTip({ location: { country: "MR", town: "Nouakchott\u202E" } })),
      422,
      "validation_failed",
    );
  });

  it("refuses an unpaired surrogate", async () => {
    await expectRefused(
      await t.post(`${JSON.stringify(t.body()).slice(0, -2)},"x":"\\ud800"}}`),
      422,
      "validation_failed",
    );
    const body = t.body();
    const text = JSON.stringify(body).replace('"narrative":"', '"narrative":"\\udc00');
    await expectRefused(await t.post(text), 422, "validation_failed");
  });

  it("keeps Arabic direction marks, which keyboards insert on their own", async () => {
    expect((await t.post(withTip({ narrative: "\u200Fأطفال يتسولون في نواكشوط\u200E" }))).status).toBe(201);
  });

  it("refuses contact details on an anonymous report, and asks the victim about consent", async () => {
    const contact = { means: "+222 00 00 00 00", safeToContact: "yes" };
    await expectRefused(await t.post(withTip({ contact })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ reporterRole: "victim" })), 422, "validation_failed");
    await expectRefused(await t.post(withTip({ victimConsentPolice: "yes" })), 422, "validation_failed");
    expect((await t.post(withTip({ disclosure: "confidential", contact }))).status).toBe(201);
  });

  it("422 for a malformed Idempotency-Key", async () => {
    await expectRefused(await t.post(t.body(), { "Idempotency-Key": "short" }), 422, "validation_failed");
    await expectRefused(
      await t.post(t.body(), { "Idempotency-Key": "key with spaces; drop table tips" }),
      422,
      "validation_failed",
    );
  });
});

describe("partner, origin, captcha, rate limit", () => {
  it("404 for an unknown partner", async () => {
    const body = submission({ provider: "hcaptcha", response: t.fake.issue() }, validTip(), "no-such-partner");
    await expectRefused(await t.post(body), 404, "not_found");
  });

  it("403 for a browser Origin other than the hotline's own, including the partner's site", async () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:8788", "null"]) {
      await expectRefused(await t.post(t.body(), { Origin: origin }), 403, "origin_not_allowed");
    }
  });

  it("403 for a failed captcha", async () => {
    await expectRefused(
      await t.post(submission({ provider: "hcaptcha", response: "forged-token" })),
      403,
      "captcha_failed",
    );
  });

  it("403 for a replayed captcha", async () => {
    const token = t.fake.issue();
    expect((await t.post(submission({ provider: "hcaptcha", response: token }))).status).toBe(201);
    const replay = await t.post(
      submission({ provider: "hcaptcha", response: token }, validTip({ narrative: "second" })),
    );
    expect(replay.status).toBe(403);
    expect(((await replay.json()) as ErrorJson).error.code).toBe("captcha_failed");
    expect(await t.tipCount()).toBe(1);
  });

  it("503 with Retry-After when the captcha service cannot be reached, and nothing written", async () => {
    t.fake.setMode("error500");
    const res = await t.post(t.body());
    expect(res.headers.get("Retry-After")).toBeTruthy();
    await expectRefused(res, 503, "service_unavailable");
  });

  it("429 with Retry-After after the limit, per client address", async () => {
    const from = (address: string) => ({ "X-Test-Client-Address": address });
    for (let i = 0; i < 3; i++) expect((await t.post(t.body(), from("198.51.100.1"))).status).toBe(201);
    const limited = await t.post(t.body(), from("198.51.100.1"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await limited.json()) as ErrorJson).error.code).toBe("rate_limited");
    expect(await t.tipCount()).toBe(3);
    expect((await t.post(t.body(), from("198.51.100.2"))).status).toBe(201);
  });
});

describe("database failures", () => {
  it("503 and nothing half-written when the write fails midway", async () => {
    // The tip row is written first; failing its route row proves the batch is one transaction.
    await t.exec(
      "CREATE TRIGGER fail_routes BEFORE INSERT ON tip_routes BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );
    const res = await t.post(t.body(), { "Idempotency-Key": "db-failure-0001" });
    expect(res.headers.get("Retry-After")).toBeTruthy();
    await expectRefused(res, 503, "database_unavailable");
    await t.exec("DROP TRIGGER fail_routes");
    const retry = await t.post(t.body(), { "Idempotency-Key": "db-failure-0001" });
    expect(retry.status).toBe(201);
    expect(await t.tipCount()).toBe(1);
  });

  it("503 when the database is unavailable", async () => {
    const body = t.body();
    t.client.close();
    const res = await t.post(body);
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorJson).error.code).toBe("database_unavailable");
  });
});
