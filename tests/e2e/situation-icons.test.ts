import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { CATALOGS, heading, type Lang } from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

/** The situations of a tip, as the README's intake API lists them. */
const SITUATIONS = [
  "child_forced_begging",
  "domestic_servitude",
  "slavery_by_descent",
  "forced_labour_fishing",
  "forced_labour_mining",
  "forced_labour_agriculture",
  "forced_labour_construction",
  "forced_labour_other",
  "sexual_exploitation",
  "forced_or_early_marriage",
  "children_used_in_crime",
  "held_captive_or_for_ransom",
  "unsafe_boat_departure",
  "paid_border_crossing",
  "other_or_not_sure",
] as const;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The full-page form in `lang`, answered up to the situations step. */
const situationStep = async (page: Page, lang: Lang) => {
  const t = CATALOGS[lang];
  await page.goto(`${stack.hotline}/report/demo?lang=${lang}`);
  const next = async (title: string) => {
    await page.getByRole("button", { name: t["nav.next"], exact: true }).click();
    await heading(page.mainFrame(), title).waitFor();
  };
  await page.getByRole("radio", { name: t["danger.no"], exact: true }).check();
  await next(t["role.title"]);
  await page.getByRole("radio", { name: t["role.witness"], exact: true }).check();
  await next(t["where.title"]);
  await page.getByRole("radio", { name: t["when.earlier"], exact: true }).check();
  await next(t["what.title"]);
};

/** What a situation's option draws: its SVG icons, each with its size, colours and what it holds. */
const drawingOf = (input: Element) => {
  const label = input.closest("label") as HTMLLabelElement;
  return [...label.querySelectorAll("svg")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const style = getComputedStyle(svg);
    return {
      hidden: svg.getAttribute("aria-hidden"),
      width: box.width,
      height: box.height,
      stroke: style.stroke,
      color: getComputedStyle(label).color,
      paths: [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? ""),
      others: [...svg.querySelectorAll("*")].filter((el) => el.tagName !== "path").map((el) => el.tagName),
    };
  });
};

// Emoji and pictographic symbols (⚠ ⛏ ⛓ 🛶 🧱 …), and the selector that asks for their emoji form.
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}/u;

describe("the situations step draws its icons", () => {
  for (const lang of ["fr", "ar"] as const) {
    it(`in ${lang}: one SVG per situation, hidden from screen readers, in the text's colour; no emoji in the step`, async () => {
      const t = CATALOGS[lang];
      const context = await browser.newContext({ ...PHONE });
      try {
        const page = await context.newPage();
        await situationStep(page, lang);
        for (const code of SITUATIONS) {
          const box = page.getByRole("checkbox", { name: t[`situation.${code}`], exact: true });
          const drawings = await box.evaluate(drawingOf);
          expect(drawings, code).toHaveLength(1);
          const [drawing] = drawings;
          expect(drawing?.hidden, code).toBe("true");
          expect(drawing?.width, code).toBeGreaterThan(8);
          expect(drawing?.height, code).toBeGreaterThan(8);
          expect(drawing?.stroke, code).toBe(drawing?.color);
          expect(drawing?.paths.join("").length, code).toBeGreaterThan(0);
          // Nothing to fetch or to fall back from: no <image>, <use> or <text>.
          expect(drawing?.others, code).toEqual([]);
        }
        const text = await page.getByRole("main").textContent();
        expect(text).toContain(t[`situation.${SITUATIONS[0]}`]);
        expect(text?.match(EMOJI)?.[0]).toBeUndefined();
      } finally {
        await context.close();
      }
    });
  }
});
