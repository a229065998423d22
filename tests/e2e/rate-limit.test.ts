import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { format } from "../../shared/src/i18n/format.js";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import {
  CATALOGS,
  fillToReview,
  finishReceipt,
  frameVisible,
  heading,
  openWidget,
  RECEIPT_SHOWN,
  readReceipt,
  sendFromReview,
  solveStandIn,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // One report per connection and window: the second one meets the hotline's real rate limit.
  [stack, browser] = await Promise.all([startStack({ TIP_RATE_LIMIT_MAX: "1" }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("429: too many reports from one connection", () => {
  it("says so and when to retry, keeps the answers, and allows a retry only once the wait is over", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      await context.clock.install();
      const answers: { status: number; retryAfter: string | null }[] = [];
      context.on("response", (response) => {
        if (response.url().endsWith("/api/v1/tips")) {
          answers.push({ status: response.status(), retryAfter: response.headers()["retry-after"] ?? null });
        }
      });
      const page = await context.newPage();
      await page.goto(stack.demoUrl);

      let frame = await openWidget(page);
      await fillToReview(frame, t, { narrative: "Premier signalement : un passeur recrute des jeunes à Nouadhibou." });
      await sendFromReview(frame, t);
      await solveStandIn(frame);
      expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
      await finishReceipt(frame, t);
      await waitUntil(async () => !(await frameVisible(frame)), "the dialog to close");

      const narrative = "Second signalement : une pirogue doit partir ce soir de la plage de Nouadhibou.";
      frame = await openWidget(page);
      await fillToReview(frame, t, { narrative });
      await sendFromReview(frame, t);
      await solveStandIn(frame);

      await expect.poll(() => frame.getByRole("alert").textContent(), { timeout: 15_000 }).toBe(t["error.rateLimited"]);
      await frame.getByRole("main").getByText(t["error.rateLimited"], { exact: true }).waitFor();
      const refusal = answers.at(-1);
      expect(refusal?.status).toBe(429);
      const seconds = Number(refusal?.retryAfter);
      expect(seconds).toBeGreaterThan(0);
      await frame.getByText(format(t["send.retryIn"], { minutes: Math.ceil(seconds / 60) }), { exact: true }).waitFor();
      const retry = frame.getByRole("button", { name: t["send.retry"], exact: true });
      expect(await retry.isDisabled()).toBe(true);
      expect(await stack.tipCount()).toBe(1);

      await page.clock.fastForward(seconds * 1000 + 1_000);
      await waitUntil(() => retry.isEnabled(), "the retry button once the wait is over");

      await frame.getByRole("button", { name: t["nav.back"], exact: true }).click();
      await heading(frame, t["review.title"]).waitFor();
      await frame.getByText(narrative, { exact: true }).waitFor();

      // The captcha was spent on the refused attempt: sending again asks for a new one first.
      const attempts = answers.length;
      await sendFromReview(frame, t);
      expect(answers).toHaveLength(attempts);
    } finally {
      await context.close();
    }
  }, 60_000);
});
