import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { afterEach, describe, expect, it } from "vitest";
import { HCAPTCHA_TEST_RESPONSE } from "../../server/src/security/captcha/hcaptcha.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { submission, validTip } from "../fixtures/tips.js";

let t: TestApp;
afterEach(() => t.close());

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

/** The same JSON with trailing spaces until its base64 needs padding, so that dropping the padding changes the bytes. */
const padded = (json: string) => {
  let text = json;
  while (!btoa(text).endsWith("=")) text += " ";
  return text;
};

const solvedAltcha = async (app: TestApp) => {
  const res = await app.app.request("/api/v1/captcha/altcha?partner=demo");
  expect(res.status).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const challenge = await res.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return { challenge, solution, payload: btoa(JSON.stringify({ challenge, solution })) };
};

describe("hCaptcha through siteverify", () => {
  it("sends the secret, the token and the sitekey, and never the reporter's address", async () => {
    t = await createTestApp();
    const token = t.fake.issue();
    const res = await t.post(submission({ provider: "hcaptcha", response: token }), {
      "X-Test-Client-Address": "203.0.113.7",
    });
    expect(res.status).toBe(201);
    expect(t.fake.requests).toEqual([{ secret: t.fake.secret, response: token, sitekey: t.fake.sitekey }]);
    expect(JSON.stringify(t.fake.requests)).not.toContain("203.0.113.7");
  });

  it("accepts hCaptcha's public test token with the test keys, once", async () => {
    t = await createTestApp();
    expect((await t.post(submission({ provider: "hcaptcha", response: HCAPTCHA_TEST_RESPONSE }))).status).toBe(201);
    const again = await t.post(
      submission({ provider: "hcaptcha", response: HCAPTCHA_TEST_RESPONSE }, validTip({ narrative: "again" })),
    );
    expect(again.status).toBe(403);
  });

  it("answers 503 when siteverify does not answer in time", async () => {
    t = await createTestApp({ hcaptchaTimeoutMs: 50 });
    t.fake.setMode("hang");
    const res = await t.post(t.body());
    expect(res.status).toBe(503);
    expect(await errorCode(res)).toBe("service_unavailable");
    expect(await t.tipCount()).toBe(0);
  });

  it("refuses a token that siteverify accepts again: the hotline spends each token once", async () => {
    t = await createTestApp();
    const token = t.fake.issue();
    expect((await t.post(submission({ provider: "hcaptcha", response: token }))).status).toBe(201);
    const again = await t.post(submission({ provider: "hcaptcha", response: token }, validTip({ narrative: "two" })));
    expect(again.status).toBe(403);
    expect(await errorCode(again)).toBe("captcha_failed");
    expect(t.fake.requests).toHaveLength(2);
    expect(await t.tipCount()).toBe(1);
  });

  it("refuses a token solved on another site", async () => {
    t = await createTestApp({ captchaHostname: "phishing.example" });
    const res = await t.post(t.body());
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("captcha_failed");
    expect(await t.tipCount()).toBe(0);
  });
});

describe("ALTCHA proof of work", () => {
  it("takes a challenge from the hotline, solves it and files the tip", async () => {
    t = await createTestApp();
    const { payload } = await solvedAltcha(t);
    const res = await t.post(submission({ provider: "altcha", payload }));
    expect(res.status).toBe(201);
    expect(await t.tipCount()).toBe(1);
  });

  it("refuses a replayed solution", async () => {
    t = await createTestApp();
    const { payload } = await solvedAltcha(t);
    expect((await t.post(submission({ provider: "altcha", payload }))).status).toBe(201);
    const replay = await t.post(submission({ provider: "altcha", payload }, validTip({ narrative: "second" })));
    expect(replay.status).toBe(403);
    expect(await errorCode(replay)).toBe("captcha_failed");
    expect(await t.tipCount()).toBe(1);
  });

  it("one solution files one tip, however it is re-encoded", async () => {
    t = await createTestApp();
    const { challenge, solution } = await solvedAltcha(t);
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const reordered = {
      solution: reversed(solution!),
      challenge: { ...reversed(challenge), parameters: reversed(challenge.parameters) },
    };
    const json = JSON.stringify({ challenge, solution });
    const reencodings = {
      "JSON re-spaced": btoa(JSON.stringify({ challenge, solution }, null, 2)),
      "keys reordered": btoa(JSON.stringify(reordered)),
      "an extra field": btoa(JSON.stringify({ challenge, solution, note: "again" })),
      "an extra field in the solution": btoa(JSON.stringify({ challenge, solution: { ...solution, again: true } })),
      "the counter as a string": btoa(
        JSON.stringify({ challenge, solution: { ...solution, counter: String(solution!.counter) } }),
      ),
      "base64 without padding": btoa(padded(json)).replace(/=+$/, ""),
    };
    expect((await t.post(submission({ provider: "altcha", payload: btoa(json) }))).status).toBe(201);
    for (const [name, payload] of Object.entries(reencodings)) {
      const res = await t.post(submission({ provider: "altcha", payload }, validTip({ narrative: name })));
      expect(res.status, name).toBe(403);
      expect(await errorCode(res), name).toBe("captcha_failed");
    }
    expect(await t.tipCount()).toBe(1);
  });

  it("a re-encoded solution filed first spends the original too", async () => {
    t = await createTestApp();
    const { challenge, solution } = await solvedAltcha(t);
    const respaced = btoa(JSON.stringify({ challenge, solution }, null, 1));
    expect((await t.post(submission({ provider: "altcha", payload: respaced }))).status).toBe(201);
    const original = btoa(JSON.stringify({ challenge, solution }));
    const res = await t.post(submission({ provider: "altcha", payload: original }, validTip({ narrative: "again" })));
    expect(res.status).toBe(403);
    expect(await t.tipCount()).toBe(1);
  });

  it("refuses a wrong solution, a forged challenge and garbage", async () => {
    t = await createTestApp();
    const { challenge, solution } = await solvedAltcha(t);
    const wrong = btoa(JSON.stringify({ challenge, solution: { ...solution, counter: solution!.counter + 1 } }));
    const forged = btoa(
      JSON.stringify({ challenge: { ...challenge, parameters: { ...challenge.parameters, cost: 1 } }, solution }),
    );
    const unknownField = btoa(JSON.stringify({ challenge, solution, note: 1 }));
    const unknownInSolution = btoa(JSON.stringify({ challenge, solution: { ...solution, note: 1 } }));
    const counterAsString = btoa(
      JSON.stringify({ challenge, solution: { ...solution, counter: `${solution!.counter}` } }),
    );
    const malformed = [unknownField, unknownInSolution, counterAsString];
    for (const payload of [wrong, forged, ...malformed, "bm90IGpzb24=", "%%%", btoa("{}")]) {
      const res = await t.post(submission({ provider: "altcha", payload }));
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("captcha_failed");
    }
    expect(await t.tipCount()).toBe(0);
  });

  it("refuses a challenge solved in time but sent after it expired", async () => {
    const start = Date.now();
    let now = new Date(start);
    t = await createTestApp({ now: () => now });
    const early = await solvedAltcha(t);
    const late = await solvedAltcha(t);
    expect((await t.post(submission({ provider: "altcha", payload: early.payload }))).status).toBe(201);
    now = new Date(start + 60 * 60 * 1000);
    const res = await t.post(
      submission({ provider: "altcha", payload: late.payload }, validTip({ narrative: "late" })),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("refuses a captcha the partner does not allow", async () => {
    t = await createTestApp();
    await t.exec(`update partners set captcha_providers = '["hcaptcha"]' where key = 'demo'`);
    expect((await t.app.request("/api/v1/captcha/altcha?partner=demo")).status).toBe(403);
    const res = await t.post(submission({ provider: "altcha", payload: "eyJ9" }));
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("captcha_not_allowed");
  });
});
