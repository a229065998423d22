import { join } from "node:path";
import { type ConsoleLanguage, consoleCatalogs, type TipInput } from "@balagh/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import {
  AXE_SOURCE,
  type ConsoleStage,
  signInOnPage,
  snapshotsIn,
  startConsoleStage,
  WCAG_A_AA,
} from "../fixtures/console-e2e.js";
import { submission, validTip } from "../fixtures/tips.js";

const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "fr-FR" };
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PASSWORD = "a long and private passphrase";
/** Issue 9's promise for what arrives live (a P0 within 5 s of its 201), kept for the reporter's messages. */
const LIVE_WITHIN_MS = 5_000;
/** Set CONVERSATION_SCREENSHOTS=<folder> to keep pictures of the conversation (laptop and phone, French and Arabic). */
const SCREENSHOTS = process.env.CONVERSATION_SCREENSHOTS;
const fr = consoleCatalogs.fr;

let stage: ConsoleStage;
let hotline: string;
let browser: Browser;
let env: Record<string, string>;

beforeAll(async () => {
  stage = await startConsoleStage("conversation");
  ({ hotline, browser, env } = stage);
  await Promise.all([
    createStaffWithCli(env, { email: "permanence@hotline.mr", role: "supervisor", password: PASSWORD }),
    createStaffWithCli(env, { email: "nuit@hotline.mr", role: "supervisor", password: PASSWORD }),
    // Agency officers of child protection, where a talibé child's tip goes (DOMAIN.md): one per screen size.
    createStaffWithCli(env, {
      email: "ecran@enfance.mr",
      role: "agent",
      agency: "mr-child-protection",
      password: PASSWORD,
    }),
    createStaffWithCli(env, {
      email: "mobile@enfance.mr",
      role: "agent",
      agency: "mr-child-protection",
      password: PASSWORD,
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await stage?.close();
});

/** A tip sent as the widget sends it; its id and the receipt the reporter keeps. */
const submitTip = async (tip: TipInput) => {
  const response = await fetch(`${hotline}/api/v1/tips`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(submission({ provider: "hcaptcha", response: stage.fake.issue() }, tip)),
  });
  expect(response.status).toBe(201);
  const { receipt } = (await response.json()) as { receipt: string };
  const newest = await stage.db.execute("select id from tips order by created_at desc, id desc limit 1");
  return { id: String(newest.rows[0]?.id), receipt };
};

/** The reporter coming back with the receipt, through the public follow-up API as the widget calls it. */
const reporter = async (receipt: string) => {
  const session = await fetch(`${hotline}/api/v1/followup/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ receipt }),
  });
  expect(session.status).toBe(201);
  const { token } = (await session.json()) as { token: string };
  const auth = { Authorization: `Bearer ${token}` };
  return {
    write: async (body: string) => {
      const sent = await fetch(`${hotline}/api/v1/followup/messages`, {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify({ body }),
      });
      expect(sent.status).toBe(201);
    },
    read: async () => {
      const answer = await fetch(`${hotline}/api/v1/followup`, { headers: auth });
      expect(answer.status).toBe(200);
      return (await answer.json()) as { messages: { from: string; body: string }[] };
    },
  };
};

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

const signIn = async (context: BrowserContext, email: string) => {
  const page = await signInOnPage(context, hotline, email, PASSWORD);
  await h1(page, fr["queue.title"]).waitFor();
  return page;
};

const snap = snapshotsIn(SCREENSHOTS);

const axeOn = async (page: Page, selector: string, state: string) => {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ([tags, within]) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const result = await axe.run(within as string, {
        runOnly: { type: "tag", values: tags as string[] },
        resultTypes: ["violations"],
      });
      return result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
    },
    [WCAG_A_AA, selector] as const,
  );
  return violations.map((v) => ({ state, ...v }));
};

// DOMAIN.md: a talibé child begging is P1; words of a departure tonight with a knife make it an emergency.
const EMERGENCY = "Ils partent ce soir avec les enfants, le maître a un couteau et les menace maintenant.";

describe("the conversation in a real browser", () => {
  it("shows a reporter's message live in an open workspace, and the reply reaches the reporter", async () => {
    const tip = await submitTip(validTip());
    const context = await browser.newContext(LAPTOP);
    try {
      const page = await signIn(context, "permanence@hotline.mr");
      await page.goto(`${hotline}/console/tips/${tip.id}`);
      const section = page.locator('#conversation[data-stream="open"]');
      await section.waitFor({ state: "attached" });
      const loads: string[] = [];
      page.on("load", () => loads.push(page.url()));
      await page.getByLabel(fr["followup.reply.label"]).fill("Un brouillon en cours.");

      const back = await reporter(tip.receipt);
      const words = "Ils sont au carrefour de Capitale, près de la mosquée, chaque matin.";
      const wroteAt = Date.now();
      await back.write(words);
      await page.locator("#conversation-messages").getByText(words).waitFor({ timeout: LIVE_WITHIN_MS });
      expect(Date.now() - wroteAt).toBeLessThan(LIVE_WITHIN_MS);
      await page.getByRole("status").filter({ hasText: fr["followup.live.arrived"] }).waitFor();
      expect(loads).toEqual([]);
      // The draft is untouched by the redraw.
      expect(await page.getByLabel(fr["followup.reply.label"]).inputValue()).toBe("Un brouillon en cours.");

      // A ready answer fills the box without leaving the page.
      await page.getByRole("link", { name: "Combien de personnes ?" }).click();
      const box = page.getByLabel(fr["followup.reply.label"]);
      expect(await box.inputValue()).toBe(
        "Combien de personnes sont concernées, et y a-t-il des enfants parmi elles ?",
      );
      expect(loads).toEqual([]);
      await page.getByRole("button", { name: fr["followup.reply.submit"] }).click();
      await page.getByText(fr["followup.done"]).waitFor();
      const seen = await back.read();
      expect(seen.messages.map((m) => [m.from, m.body])).toContainEqual([
        "hotline",
        "Combien de personnes sont concernées, et y a-t-il des enfants parmi elles ?",
      ]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("marks the queue's line when the reporter writes, and alerts only when the message raises the tip to P0", async () => {
    const tip = await submitTip(validTip());
    const context = await browser.newContext(LAPTOP);
    try {
      const page = await signIn(context, "nuit@hotline.mr");
      await page.locator('#queue-list[data-stream="open"]').waitFor({ state: "attached" });
      const line = page.locator(`#queue-list > li[data-tip-id="${tip.id}"]`);
      expect(await line.getAttribute("data-priority")).toBe("P1");
      const title = await page.title();
      const back = await reporter(tip.receipt);

      await back.write("Bonjour, avez-vous reçu mon message ?");
      const marker = line.locator('[data-slot="unread"]');
      await marker.waitFor({ timeout: LIVE_WITHIN_MS });
      expect(await marker.textContent()).toBe(fr["followup.queue.unread"].replace("{count}", "1"));
      // The marker and the alert are decided by the same event: with the marker shown, no alert came with it.
      expect(await page.locator("#queue-alert").textContent()).toBe("");
      expect(await page.title()).toBe(title);

      await back.write(EMERGENCY);
      const banner = page.getByRole("alert").filter({ hasText: fr["queue.live.alert"] });
      await banner.waitFor({ timeout: LIVE_WITHIN_MS });
      expect(await page.title()).toBe(`(P0) ${title}`);
      expect(await banner.getByRole("link").getAttribute("href")).toBe(`/console/tips/${tip.id}`);
      expect(await marker.textContent()).toBe(fr["followup.queue.unread"].replace("{count}", "2"));
      expect(await line.getAttribute("data-priority")).toBe("P0");
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("the conversation in French and Arabic", () => {
  it("has no WCAG 2.2 A/AA violation, on a laptop and a phone", async () => {
    const tip = await submitTip(validTip());
    const back = await reporter(tip.receipt);
    await back.write("Ils sont une dizaine d'enfants, le plus jeune a peut-être six ans.");
    const found: Awaited<ReturnType<typeof axeOn>> = [];
    for (const [name, options, email] of [
      ["laptop", LAPTOP, "ecran@enfance.mr"],
      ["phone", PHONE, "mobile@enfance.mr"],
    ] as const) {
      const context = await browser.newContext(options);
      try {
        const page = await signIn(context, email);
        if (name === "laptop") {
          await page.goto(`${hotline}/console/tips/${tip.id}`);
          await page.getByLabel(fr["followup.reply.label"]).fill("Merci. Où dorment-ils, dans quel quartier ?");
          await page.getByRole("button", { name: fr["followup.reply.submit"] }).click();
          await page.getByText(fr["followup.done"]).waitFor();
        }
        for (const [language, endonym] of [
          ["fr", "Français"],
          ["ar", "العربية"],
        ] as [ConsoleLanguage, string][]) {
          // Unread again for each picture: the workspace visited before read the last one.
          await back.write(language === "ar" ? "هل قرأتم رسالتي؟" : "Avez-vous lu mon message ?");
          await page.goto(`${hotline}/console?waiting=us`);
          if (language === "ar") {
            await page.getByRole("button", { name: endonym }).click();
            await page.waitForFunction(() => document.documentElement.lang === "ar");
          }
          await page.locator(`#queue-list > li[data-tip-id="${tip.id}"] [data-slot="unread"]`).waitFor();
          found.push(...(await axeOn(page, "main", `${language}/${name}/queue waiting for us`)));
          await snap(page, `${language}-queue-waiting-${name}`);
          await page.goto(`${hotline}/console/tips/${tip.id}?template=when-leave`);
          await page.locator("#conversation").scrollIntoViewIfNeeded();
          found.push(...(await axeOn(page, "#conversation", `${language}/${name}`)));
          await snap(page, `${language}-workspace-conversation-${name}`);
          if (SCREENSHOTS) {
            await page.locator("#conversation").screenshot({
              path: join(SCREENSHOTS, `${language}-conversation-only-${name}.png`),
            });
          }
          if (language === "ar") {
            await page.getByRole("button", { name: "Français" }).click();
            await page.waitForFunction(() => document.documentElement.lang === "fr");
          }
        }
      } finally {
        await context.close();
      }
    }
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  }, 120_000);
});
