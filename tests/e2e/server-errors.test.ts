import type { Browser, BrowserContext, Frame, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { format } from "../../shared/src/i18n/format.js";
import type { Catalog } from "../../shared/src/i18n/types.js";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  CATALOGS,
  fillToReview,
  heading,
  type Lang,
  openWidget,
  RECEIPT_SHOWN,
  readReceipt,
  sendFromReview,
  solveStandIn,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

let stack: Stack;
let site: Site;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
  for (const lang of ["fr", "ar"]) site.page(`/${lang}`, partnerPage(stack.hotline, { lang }));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  stack.fake.setMode("normal");
  await context?.close();
});

type Sent = { key: string; tip: Record<string, unknown> };
type Answered = { status: number; retryAfter: string | null };

/**
 * A reporter on a partner page in `lang`, with every POST /api/v1/tips recorded and handed to
 * `onTip` (by default, on to the real server). The page's timers run on Playwright's clock.
 */
const reporter = async (lang: Lang, onTip: (route: Route, attempt: number) => Promise<void> = (r) => r.continue()) => {
  context = await browser.newContext({ ...PHONE });
  await context.clock.install();
  const sent: Sent[] = [];
  const answered: Answered[] = [];
  await context.route("**/api/v1/tips", async (route) => {
    const request = route.request();
    const body = JSON.parse(request.postData() ?? "{}") as { tip: Record<string, unknown> };
    sent.push({ key: request.headers()["idempotency-key"] ?? "", tip: body.tip });
    await onTip(route, sent.length);
  });
  context.on("response", (response) => {
    if (response.url().endsWith("/api/v1/tips")) {
      answered.push({ status: response.status(), retryAfter: response.headers()["retry-after"] ?? null });
    }
  });
  const page = await context.newPage();
  await page.goto(site.url(`/${lang}`));
  const frame = await openWidget(page);
  return { page, frame, sent, answered, t: CATALOGS[lang] };
};

/** From the first question to the answer of the first submission. */
const fillAndSend = async (frame: Frame, t: Catalog, narrative: string) => {
  await fillToReview(frame, t, { narrative, town: "Rosso", count: "4" });
  await sendFromReview(frame, t);
  await solveStandIn(frame);
};

/** The message is said (live region) and shown (on the screen), in the reporter's language. */
const expectSaid = async (frame: Frame, message: string) => {
  await expect.poll(() => frame.getByRole("alert").textContent(), { timeout: 15_000 }).toBe(message);
  await frame.getByRole("main").getByText(message, { exact: true }).waitFor();
};

const expectAnswersKept = async (frame: Frame, t: Catalog, narrative: string) => {
  await frame.getByRole("button", { name: t["nav.back"], exact: true }).click();
  await heading(frame, t["review.title"]).waitFor();
  await frame.getByText(narrative, { exact: true }).waitFor();
};

const retryButton = (frame: Frame, t: Catalog) => frame.getByRole("button", { name: t["send.retry"], exact: true });

/** The documented error body (DESIGN.md: `{"error":{"code","message","issues"?}}`). */
const conflict = (route: Route) =>
  route.fulfill({
    status: 409,
    contentType: "application/json",
    body: JSON.stringify({
      error: {
        code: "idempotency_conflict",
        message: "This Idempotency-Key was already used for a different report. Use a new key for a new report.",
      },
    }),
  });

describe("the widget and the server's refusals", () => {
  it("409 once: the report goes again under a new key, and is stored once", async () => {
    const before = await stack.tipCount();
    const narrative = "Des femmes nigérianes sont retenues dans un bar de Rosso et doivent rembourser une dette.";
    const { frame, sent, t } = await reporter("fr", (route, attempt) =>
      attempt === 1 ? conflict(route) : route.continue(),
    );
    await fillAndSend(frame, t, narrative);
    expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
    expect(sent).toHaveLength(2);
    const [first, second] = sent as [Sent, Sent];
    expect(second.key).not.toBe(first.key);
    expect(second.tip).toEqual(first.tip);
    expect(first.tip).toMatchObject({ narrative, location: { town: "Rosso" }, people: { count: 4 } });
    expect(await stack.tipCount()).toBe(before + 1);
  });

  it("409 every time: one retry, then a clear message; the answers are kept", async () => {
    const before = await stack.tipCount();
    const narrative = "Un camion part chaque nuit de Rosso avec des migrants cachés sous des sacs de riz.";
    const { frame, sent, t } = await reporter("fr", conflict);
    await fillAndSend(frame, t, narrative);
    await expectSaid(frame, t["error.server"]);
    expect(sent).toHaveLength(2);
    await expectAnswersKept(frame, t, narrative);
    expect(await stack.tipCount()).toBe(before);
  });

  it("422: the message stands beside the refused field, the answer is still there, and the corrected report goes through", async () => {
    const before = await stack.tipCount();
    const narrative = "Des enfants talibés mendient au marché de Rosso pour un maître qui les bat.";
    const { page, frame, sent, answered, t } = await reporter("fr", async (route, attempt) => {
      if (attempt > 1) return route.continue();
      // A right-to-left override slipped into the narrative on its way (the app itself strips them).
      const body = JSON.parse(route.request().postData() ?? "{}") as { tip: { narrative: string } };
      body.tip.narrative = `${body.tip.narrative}\u202E`;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await fillAndSend(frame, t, narrative);

    await heading(frame, t["narrative.title"]).waitFor({ timeout: 15_000 });
    expect(answered[0]?.status).toBe(422);
    const field = frame.getByRole("textbox", { name: t["narrative.label"] });
    expect(await field.inputValue()).toBe(narrative);
    const description = await field.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" | "),
    );
    expect(description).toContain(t["error.notAccepted"]);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => frame.getByRole("alert").textContent()).toBe(t["error.invalid"]);

    await frame.getByRole("button", { name: t["nav.toReview"], exact: true }).click();
    await heading(frame, t["review.title"]).waitFor();
    await frame.getByRole("button", { name: t["review.send"], exact: true }).click();
    expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
    expect(sent.map((s) => s.tip.narrative)).toEqual([narrative, narrative]);
    expect(await stack.tipCount()).toBe(before + 1);
    expect(page.url()).toBe(site.url("/fr"));
  });

  it("503 with Retry-After, in Arabic: says when to retry, allows it then, and the retry stores the report once", async () => {
    const before = await stack.tipCount();
    const narrative = "يحتجز رجل ثلاث نساء في منزل قرب سوق روصو ويأخذ أجورهن.";
    const { page, frame, sent, answered, t } = await reporter("ar");
    // hCaptcha's siteverify fails: the hotline cannot check the captcha just now.
    stack.fake.setMode("error500");
    await fillAndSend(frame, t, narrative);

    await expectSaid(frame, t["error.busy"]);
    const [refusal] = answered;
    expect(refusal?.status).toBe(503);
    const seconds = Number(refusal?.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    await frame.getByText(format(t["send.retryIn"], { minutes: Math.ceil(seconds / 60) }), { exact: true }).waitFor();
    expect(await retryButton(frame, t).isDisabled()).toBe(true);

    await page.clock.fastForward(seconds * 1000 + 1_000);
    await waitUntil(() => retryButton(frame, t).isEnabled(), "the retry button once the wait is over");
    stack.fake.setMode("normal");
    await retryButton(frame, t).click();
    expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
    expect(sent).toHaveLength(2);
    const [first, second] = sent as [Sent, Sent];
    expect(second).toEqual(first);
    expect(first.tip).toMatchObject({ narrative, language: "ar" });
    expect(await stack.tipCount()).toBe(before + 1);
  });
});
