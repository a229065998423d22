import { consoleCatalogs } from "@balagh/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addStaff, consoleBrowser, fieldValue, manualClock, signIn } from "../fixtures/console.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

/** From the issue and the task: the console's headers, word for word. */
const CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

const AGENT = {
  email: "officer@hotline.mr",
  password: "another long password",
  role: "agent",
  agency: "mr-child-protection",
} as const;
const ADMIN = { email: "lead@hotline.mr", password: "correct horse battery", role: "admin" } as const;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
});

afterEach(async () => {
  await testApp.close();
});

const expectConsoleHeaders = (response: Response, what: string) => {
  expect(response.headers.get("Content-Security-Policy"), what).toBe(CSP);
  expect(response.headers.get("Cache-Control"), what).toBe("no-store");
  expect(response.headers.get("X-Content-Type-Options"), what).toBe("nosniff");
  // Not no-referrer: under it Chromium sends `Origin: null` with the console's own posts (see the browser test).
  expect(response.headers.get("Referrer-Policy"), what).toBe("same-origin");
};

describe("every console page", () => {
  it("carries the CSP, no-store and the referrer policy, and no inline script or style", async () => {
    await addStaff(testApp, ADMIN);
    await addStaff(testApp, AGENT);
    const browser = consoleBrowser(testApp);
    const pages: [string, Response][] = [];
    const keep = async (what: string, response: Response) => {
      pages.push([what, response.clone()]);
      return response;
    };
    await keep("sign-in", await browser.get("/console/sign-in"));
    await keep("sign-in failed", await browser.post("/console/sign-in", { email: "x@y.z", password: "nope nope" }));
    clock.advance(1_000);
    await browser.post("/console/sign-in", { email: ADMIN.email, password: ADMIN.password });
    const enrol = await keep("enrol", await browser.get("/console/sign-in/enrol"));
    const csrf = fieldValue(await enrol.text(), "csrf") ?? "";
    await keep("enrol error", await browser.post("/console/sign-in/enrol", { csrf, code: "12" }));
    const agent = consoleBrowser(testApp, { clientAddress: "198.51.100.99" });
    await keep("redirect to sign-in", await agent.get("/console"));
    await signIn(agent, AGENT, clock.now);
    await keep("home", await agent.get("/console"));
    await keep("account", await agent.get("/console/account"));
    await keep("not found", await agent.get("/console/no-such-page"));
    await keep("forbidden post", await agent.post("/console/language", { language: "ar" }));
    expect(pages).toHaveLength(9);
    for (const [what, response] of pages) {
      expectConsoleHeaders(response, what);
      if (response.status === 303) continue;
      expect(response.headers.get("Content-Type"), what).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html.startsWith("<!doctype html>"), what).toBe(true);
      // A script the app serves from a hashed file is allowed (the queue's live updates); inline ones are not.
      expect(html, what).not.toMatch(/<script(?![^>]*\ssrc="\/console\/assets\/)|<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it("answers an unknown console address with an HTML 404 page; the API keeps its JSON", async () => {
    const page = await testApp.app.request("/console/tips/not-a-tip/nothing", { headers: { "Accept-Language": "ar" } });
    expect(page.status).toBe(404);
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(consoleCatalogs.ar["error.notFound.title"]);
    const api = await testApp.app.request("/api/v1/nothing");
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("says the database cannot be reached, on a page, without a stack trace", async () => {
    await testApp.exec("alter table staff rename to staff_elsewhere");
    const answer = await consoleBrowser(testApp).post("/console/sign-in", {
      email: AGENT.email,
      password: "whatever it is",
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await answer.text();
    expect(html).toContain(consoleCatalogs.fr["error.database.title"]);
    expect(html).not.toMatch(/staff_elsewhere|no such table|SQLITE|at .*\.ts:\d+/i);
    expectConsoleHeaders(answer, "database error");
  });
});

describe("the stylesheet", () => {
  it("is served by the app under its content hash, cached for good; any other name is a 404", async () => {
    const page = await (await testApp.app.request("/console/sign-in")).text();
    const href = page.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1] ?? "";
    expect(href).toMatch(/^\/console\/assets\/console\.[0-9a-f]{16}\.css$/);
    const css = await testApp.app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toMatch(/^text\/css/);
    expect(css.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const body = await css.text();
    const digest = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body))).toString("hex");
    expect(href).toContain(digest.slice(0, 16));
    const stale = await testApp.app.request("/console/assets/console.0000000000000000.css");
    expect(stale.status).toBe(404);
    expect(stale.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("languages", () => {
  it("follows the browser before sign-in, the switch's choice, and the member's own after", async () => {
    const arabic = await (
      await testApp.app.request("/console/sign-in", { headers: { "Accept-Language": "ar,fr;q=0.8" } })
    ).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain(`<h1>${consoleCatalogs.ar["signIn.title"]}</h1>`);
    const chosen = await (await testApp.app.request("/console/sign-in?lang=en&return=%2Fconsole%2Faccount")).text();
    expect(chosen).toContain('<html lang="en" dir="ltr">');
    expect(chosen).toContain('href="/console/sign-in?return=%2Fconsole%2Faccount&amp;lang=ar"');
    expect(fieldValue(chosen, "lang")).toBe("en");

    await addStaff(testApp, AGENT);
    const browser = consoleBrowser(testApp);
    // Picked on the sign-in page: kept on the account.
    await browser.post("/console/sign-in", { email: AGENT.email, password: AGENT.password, lang: "ar" });
    const home = await (await browser.get("/console", { "Accept-Language": "fr" })).text();
    expect(home).toContain('<html lang="ar" dir="rtl">');
    expect(home).toContain(`<h1>${consoleCatalogs.ar["queue.title"]}</h1>`);
    // The switch once signed in: a form with the session's token, back to the same page.
    const csrf = fieldValue(home, "csrf") ?? "";
    const switched = await browser.post("/console/language", { csrf, language: "en", return: "/console/account" });
    expect(switched.headers.get("Location")).toBe("/console/account");
    expect(await (await browser.follow(switched)).text()).toContain(`<h1>${consoleCatalogs.en["account.title"]}</h1>`);
  });
});
