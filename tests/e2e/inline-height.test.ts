import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import { type Answers, allowOrigin, appFrame, CATALOGS, fillToReview } from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
const NARRATIVE = "Des pêcheurs sénégalais travaillent sans salaire sur un bateau au port de Nouadhibou.";

let stack: Stack;
let site: Site;
let browser: Browser;
let url: string;

/**
 * What any script of the partner page can read: the height of the box that holds the form (the
 * frame itself is in a closed shadow root, and the loader's host is an inline box that a
 * ResizeObserver does not measure). Every new height is recorded, from the first; so is every
 * position the page is scrolled to.
 */
const RECORD_HEIGHTS = `<script>
window.__heights = [];
window.__scrolls = [];
addEventListener("scroll", () => window.__scrolls.push(Math.round(scrollY)));
new ResizeObserver(() => {
  const height = Math.round(document.getElementById("balagh-slot").getBoundingClientRect().height);
  if (window.__heights.at(-1) !== height) window.__heights.push(height);
}).observe(document.getElementById("balagh-slot"));
</script>`;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
  url = site.page("/inline", partnerPage(stack.hotline, { mode: "inline", extra: RECORD_HEIGHTS }));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

/** Fills the inline form to the review with `answers`; returns every height the partner page saw. */
const heightsWhileAnswering = async (answers: Answers) => {
  const context = await browser.newContext({ ...PHONE });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const frame = await appFrame(page);
    await fillToReview(frame, t, answers);
    return await page.evaluate(() => (window as unknown as { __heights: number[] }).__heights);
  } finally {
    await context.close();
  }
};

const fromTheFrame = (heights: number[]) =>
  heights.slice(
    Math.max(
      0,
      heights.findIndex((h) => h > 0),
    ),
  );

describe("inline mode", () => {
  it("leaks no answer through its height: danger yes + contact details, danger no + anonymous, same heights", async () => {
    const urgentAndContactable = await heightsWhileAnswering({
      danger: "yes",
      narrative: NARRATIVE,
      contact: { means: "+222 44 55 66 77", safe: "yes" },
    });
    const calmAndAnonymous = await heightsWhileAnswering({ danger: "no", narrative: NARRATIVE });
    // The recorder works: it saw the frame take its place in the page.
    expect(Math.max(0, ...urgentAndContactable)).toBeGreaterThan(0);
    // Whether the empty slot (0) is seen before the frame lands depends on which script ran first, not on
    // any answer: the heights are compared from the frame's arrival on, every one of them.
    expect(fromTheFrame(urgentAndContactable)).toEqual(fromTheFrame(calmAndAnonymous));
  });

  it("leaks no answer through the partner page's scroll: danger yes scrolls the form, not the page", async () => {
    const scrollsAfter = async (danger: "yes" | "no") => {
      const context = await browser.newContext({ ...PHONE });
      try {
        const page = await context.newPage();
        await page.goto(url);
        const frame = await appFrame(page);
        await frame.getByRole("radio", { name: t[`danger.${danger}`], exact: true }).check();
        // The form brings the emergency numbers into sight on the next frame; two frames later it has.
        await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const inForm = await frame.evaluate(() => document.querySelector(".scroller")?.scrollTop ?? 0);
        const inPage = await page.evaluate(() => (window as unknown as { __scrolls: number[] }).__scrolls);
        return { inForm, inPage };
      } finally {
        await context.close();
      }
    };
    const urgent = await scrollsAfter("yes");
    const calm = await scrollsAfter("no");
    // The form did scroll itself to the numbers when someone is in danger...
    expect(urgent.inForm).toBeGreaterThan(0);
    expect(calm.inForm).toBe(0);
    // ...and the partner page moved the same way (not at all) whatever the answer.
    expect(urgent.inPage).toEqual(calm.inPage);
  });
});
