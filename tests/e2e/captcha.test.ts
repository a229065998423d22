import type { Browser, BrowserContext, Request } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite, strictPartnerCsp } from "../fixtures/e2e-site.js";
import {
  CATALOGS,
  clonePartner,
  fillToReview,
  openWidget,
  RECEIPT_SHOWN,
  readReceipt,
  sendFromReview,
  solveStandIn,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;

let stack: Stack;
let site: Site;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  // A partner that allows ALTCHA only (no third party), embedded on a page of its own.
  await clonePartner(stack, "no-third-party", {
    captcha_providers: JSON.stringify(["altcha"]),
    allowed_origins: JSON.stringify([site.origin]),
  });
  site.page("/", partnerPage(stack.hotline, { partner: "no-third-party" }), {
    "Content-Security-Policy": strictPartnerCsp(stack.hotline),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

type Submission = { partner: string; captcha: { provider: string; response?: string; payload?: string } };

/** Every request the browser makes, and the tip submissions' bodies. */
const watch = (ctx: BrowserContext) => {
  const requests: string[] = [];
  const submissions: Submission[] = [];
  ctx.on("request", (request: Request) => {
    requests.push(request.url());
    if (request.method() === "POST" && request.url().endsWith("/api/v1/tips")) {
      submissions.push(JSON.parse(request.postData() ?? "{}") as Submission);
    }
  });
  return { requests, submissions };
};

const partnerTips = async (key: string) =>
  Number(
    (
      await stack.db.execute({
        sql: "select count(*) as n from tips join partners on partners.id = tips.partner_id where partners.key = ?",
        args: [key],
      })
    ).rows[0]?.n,
  );

describe("captcha", () => {
  it("hCaptcha (local stand-in): the token goes to the server, which verifies it with siteverify", async () => {
    context = await browser.newContext({ ...PHONE });
    const seen = watch(context);
    const verifiedBefore = stack.fake.requests.length;
    const page = await context.newPage();
    await page.goto(stack.demoUrl);
    const frame = await openWidget(page);
    await fillToReview(frame, t, { narrative: "Une pirogue surchargée part cette nuit de Nouadhibou." });
    await sendFromReview(frame, t);
    await solveStandIn(frame);
    expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);

    // The stand-in script came from its configured URL, never from hcaptcha.com.
    expect(seen.requests.some((u) => u.startsWith(stack.fake.scriptUrl))).toBe(true);
    expect(seen.requests.some((u) => u.includes("hcaptcha.com"))).toBe(false);
    expect(seen.submissions).toHaveLength(1);
    const [submission] = seen.submissions as [Submission];
    expect(submission.captcha.provider).toBe("hcaptcha");
    expect(submission.captcha.response).toMatch(/^P1_/);
    // The server asked siteverify about exactly that token, with the secret.
    const verified = stack.fake.requests.slice(verifiedBefore);
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({ response: submission.captcha.response, secret: stack.fake.secret });
    expect(await partnerTips("demo")).toBe(1);
  });

  it("ALTCHA only (a partner without third parties): proof of work in the browser, verified by the hotline", async () => {
    context = await browser.newContext({ ...PHONE });
    const seen = watch(context);
    const verifiedBefore = stack.fake.requests.length;
    const page = await context.newPage();
    await page.goto(site.url("/"));
    const frame = await openWidget(page, "/w/no-third-party");
    await fillToReview(frame, t, { narrative: "Des enfants travaillent dans une mine d’or près de Chami." });
    await sendFromReview(frame, t);
    expect(await readReceipt(frame, t, 45_000)).toMatch(RECEIPT_SHOWN);

    expect(seen.requests.some((u) => u.includes("/api/v1/captcha/altcha?partner=no-third-party"))).toBe(true);
    // Nothing from hCaptcha (nor its stand-in) was loaded or asked.
    expect(seen.requests.filter((u) => u.startsWith(new URL(stack.fake.scriptUrl).origin))).toEqual([]);
    expect(stack.fake.requests.length).toBe(verifiedBefore);
    expect(seen.submissions).toHaveLength(1);
    const [submission] = seen.submissions as [Submission];
    expect(submission.partner).toBe("no-third-party");
    expect(submission.captcha.provider).toBe("altcha");
    expect(submission.captcha.payload?.length).toBeGreaterThan(20);
    expect(await partnerTips("no-third-party")).toBe(1);
  }, 60_000);
});
