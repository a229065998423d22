import { consoleCatalogs } from "@balagh/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "../../server/src/env.js";
import {
  addStaff,
  type ConsoleBrowser,
  consoleBrowser,
  errorSummaryOf,
  fieldValue,
  manualClock,
  SESSION_COOKIE,
  setupKeyOn,
  signIn,
  totpCode,
} from "../fixtures/console.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

const fr = consoleCatalogs.fr;
const ADMIN = { email: "lead@hotline.mr", password: "correct horse battery", role: "admin" } as const;
const AGENT = {
  email: "officer@hotline.mr",
  password: "another long password",
  role: "agent",
  agency: "mr-child-protection",
} as const;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let browser: ConsoleBrowser;

beforeEach(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  browser = consoleBrowser(testApp);
});

afterEach(async () => {
  await testApp.close();
});

const auditActions = async () =>
  (
    await testApp.exec("select actor, action, subject, details from audit_log where action like 'staff.%' order by seq")
  ).rows.map((r) => ({
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: JSON.parse(String(r.details)),
  }));

describe("sign-in with the second factor", () => {
  it("enrols an admin on first sign-in (QR code and spelled-out key), then signs them in", async () => {
    const { id } = await addStaff(testApp, ADMIN);
    const start = await browser.get("/console");
    expect(start.status).toBe(303);
    expect(start.headers.get("Location")).toBe("/console/sign-in");

    const signInPage = await browser.get("/console/sign-in");
    expect(signInPage.status).toBe(200);
    const password = await browser.post("/console/sign-in", { email: "Lead@Hotline.MR", password: ADMIN.password });
    expect(password.status).toBe(303);
    expect(password.headers.get("Location")).toBe("/console/sign-in/enrol");
    // Half signed in: no console page opens yet.
    expect((await browser.get("/console")).headers.get("Location")).toBe("/console/sign-in");

    const enrol = await (await browser.get("/console/sign-in/enrol")).text();
    const key = setupKeyOn(enrol);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol).toMatch(/class="setup-key"[^>]*>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</);
    expect(enrol).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]+"/);
    expect(enrol).not.toMatch(/<svg[\s\S]*style=/);

    const csrf = fieldValue(enrol, "csrf") ?? "";
    const wrong = await browser.post("/console/sign-in/enrol", { csrf, code: "000000" });
    expect(wrong.status).toBe(401);
    // A wrong code makes the next wait a second (the growing delays).
    clock.advance(1_000);
    const done = await browser.post("/console/sign-in/enrol", { csrf, code: totpCode(key ?? "", clock.now()) });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/console");

    const home = await browser.get("/console");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(`<h1>${fr["queue.noTips.title"]}</h1>`);
    expect(html).toContain(ADMIN.email);

    const [enrolled] = (await testApp.exec(`select totp_enrolled_at from staff where id = '${id}'`)).rows;
    expect(enrolled?.totp_enrolled_at).toBe(clock.now().getTime());
    const actions = await auditActions();
    expect(actions.map((a) => a.action)).toEqual([
      "staff.create",
      "staff.sign_in.failed",
      "staff.totp.enrol",
      "staff.sign_in",
    ]);
    expect(actions.slice(1).every((a) => a.subject === id)).toBe(true);
    expect(actions[1]?.actor).toBe("anonymous");
    expect(actions[3]?.actor).toBe(id);
    const everything = JSON.stringify(actions);
    expect(everything).not.toContain(ADMIN.password);
    expect(everything).not.toContain(key);
  });

  it("asks an enrolled member for the code, and takes each code once", async () => {
    await addStaff(testApp, ADMIN);
    const { secret } = await signIn(browser, ADMIN, clock.now);
    const other = consoleBrowser(testApp);
    const password = await other.post("/console/sign-in", { email: ADMIN.email, password: ADMIN.password });
    expect(password.headers.get("Location")).toBe("/console/sign-in/code");
    const page = await (await other.get("/console/sign-in/code")).text();
    expect(page).not.toContain("setup-key");
    const csrf = fieldValue(page, "csrf") ?? "";

    // The code that completed the enrolment, in the same 30-second step: already used.
    const reused = await other.post("/console/sign-in/code", { csrf, code: totpCode(secret ?? "", clock.now()) });
    expect(reused.status).toBe(401);
    clock.advance(30_000);
    const fresh = await other.post("/console/sign-in/code", { csrf, code: totpCode(secret ?? "", clock.now()) });
    expect(fresh.status).toBe(303);
    expect((await other.get("/console")).status).toBe(200);
  });

  it("lets an agent in with the password alone, unless the deployment requires the code of everyone", async () => {
    await addStaff(testApp, AGENT);
    const first = await browser.post("/console/sign-in", { email: AGENT.email, password: AGENT.password });
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe("/console");
    expect((await browser.get("/console")).status).toBe(200);

    expect(parseEnv({ STAFF_TOTP_REQUIRED: "true" }).staffTotpRequired).toBe(true);
    expect(parseEnv({}).staffTotpRequired).toBe(false);
    const strict = await createTestApp({ now: clock.now, staffTotpRequired: true });
    try {
      await addStaff(strict, AGENT);
      const answer = await consoleBrowser(strict).post("/console/sign-in", {
        email: AGENT.email,
        password: AGENT.password,
      });
      expect(answer.headers.get("Location")).toBe("/console/sign-in/enrol");
    } finally {
      await strict.close();
    }
  });
});

describe("one message for every failure", () => {
  it("answers an unknown email, a wrong password and a wrong code alike", async () => {
    await addStaff(testApp, ADMIN);
    const { secret } = await signIn(consoleBrowser(testApp, { clientAddress: "203.0.113.1" }), ADMIN, clock.now);
    expect(secret).toBeDefined();
    const answers: { status: number; summary: string[]; fieldErrors: number }[] = [];
    const record = async (response: Response) => {
      const html = await response.text();
      answers.push({
        status: response.status,
        summary: errorSummaryOf(html),
        fieldErrors: (html.match(/class="error-message"/g) ?? []).length,
      });
    };
    // Each from its own address, after the delays of the one before: only the answer differs, or not.
    await record(
      await consoleBrowser(testApp, { clientAddress: "203.0.113.2" }).post("/console/sign-in", {
        email: "nobody@hotline.mr",
        password: ADMIN.password,
      }),
    );
    await record(
      await consoleBrowser(testApp, { clientAddress: "203.0.113.3" }).post("/console/sign-in", {
        email: ADMIN.email,
        password: "not the password at all",
      }),
    );
    clock.advance(60_000);
    const coder = consoleBrowser(testApp, { clientAddress: "203.0.113.4" });
    await coder.post("/console/sign-in", { email: ADMIN.email, password: ADMIN.password });
    const page = await (await coder.get("/console/sign-in/code")).text();
    await record(await coder.post("/console/sign-in/code", { csrf: fieldValue(page, "csrf") ?? "", code: "123456" }));

    expect(answers).toEqual([
      { status: 401, summary: [fr["signIn.failed"]], fieldErrors: 0 },
      { status: 401, summary: [fr["signIn.failed"]], fieldErrors: 0 },
      // On the code page the message sits beside the only field there is.
      { status: 401, summary: [fr["signIn.failed"]], fieldErrors: 1 },
    ]);
  });

  it("keeps the typed email, never the password", async () => {
    const answer = await browser.post("/console/sign-in", { email: "someone@hotline.mr", password: "hunter2 hunter2" });
    const html = await answer.text();
    expect(fieldValue(html, "email")).toBe("someone@hotline.mr");
    expect(html).not.toContain("hunter2");
  });

  it("names each missing field beside it and in the summary", async () => {
    const answer = await browser.post("/console/sign-in", { email: "", password: "" });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(errorSummaryOf(html)).toEqual([fr["signIn.emailMissing"], fr["signIn.passwordMissing"]]);
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#password"');
    expect(html).toMatch(/<title>Erreur :/);
  });
});

describe("the session cookie", () => {
  it("is __Host-, HttpOnly, Secure, SameSite=Strict, for the whole site, until the browser closes", async () => {
    await addStaff(testApp, AGENT);
    const answer = await browser.post("/console/sign-in", { email: AGENT.email, password: AGENT.password });
    const [cookie = ""] = answer.headers.getSetCookie();
    const [pair = "", ...attributes] = cookie.split(/;\s*/);
    expect(pair.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(attributes.map((a) => a.toLowerCase()).sort()).toEqual(["httponly", "path=/", "samesite=strict", "secure"]);

    // 256 random bits, stored only as their SHA-256.
    const token = pair.slice(SESSION_COOKIE.length + 1);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = (await testApp.exec("select token_hash from sessions")).rows.map((r) => r.token_hash);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
    expect(stored).toEqual([Buffer.from(digest).toString("hex")]);
    expect(JSON.stringify((await testApp.exec("select * from sessions")).rows)).not.toContain(token);
  });
});

describe("where the sign-in leads", () => {
  it("goes back to the console page asked for", async () => {
    await addStaff(testApp, AGENT);
    const asked = await browser.get("/console/account?tab=1");
    expect(asked.headers.get("Location")).toBe("/console/sign-in?return=%2Fconsole%2Faccount%3Ftab%3D1");
    const page = await (await browser.follow(asked)).text();
    expect(fieldValue(page, "return")).toBe("/console/account?tab=1");
    const answer = await browser.post("/console/sign-in", {
      email: AGENT.email,
      password: AGENT.password,
      return: "/console/account?tab=1",
    });
    expect(answer.headers.get("Location")).toBe("/console/account?tab=1");
  });

  it.each([
    "//evil.example/console",
    "https://evil.example/console",
    "/\\evil.example/console",
    "/\t/evil.example/console",
    "javascript:alert(1)",
    "/console/../../evil",
    "/%2F%2Fevil.example",
    "/api/v1/tips",
  ])("never leaves the console for %j", async (target) => {
    await addStaff(testApp, AGENT);
    const page = await (await browser.get(`/console/sign-in?${new URLSearchParams({ return: target })}`)).text();
    expect(fieldValue(page, "return")).toBeUndefined();
    const answer = await browser.post("/console/sign-in", {
      email: AGENT.email,
      password: AGENT.password,
      return: target,
    });
    expect(answer.headers.get("Location")).toBe("/console");
  });
});
