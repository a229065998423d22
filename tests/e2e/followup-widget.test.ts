import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatReceipt } from "@balagh/shared";
import type { Browser, BrowserContext, Frame, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/node/database.js";
import { deriveKeys, generateMasterKey, type Keys } from "../../server/src/security/keys.js";
import { unseal } from "../../server/src/security/seal.js";
import { replyToReporter } from "../../server/src/tips/conversation.js";
import { messageSealContext } from "../../server/src/tips/sealing.js";
import { followupAr } from "../../shared/src/i18n/followup/ar.js";
import { followupFr } from "../../shared/src/i18n/followup/fr.js";
import type { FollowupCatalog } from "../../shared/src/i18n/types.js";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { naughtyStrings } from "../fixtures/blns.js";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import {
  appFrame,
  CATALOGS,
  type Focus,
  fillToReview,
  finishReceipt,
  heading,
  Keys as Keyboard,
  type Lang,
  openWidget,
  readReceipt,
  sendFromReview,
  solveStandIn,
} from "../fixtures/e2e-widget.js";
import { type FakeHcaptcha, startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { startServerProcess } from "../fixtures/server-process.js";
import { submission, validTip } from "../fixtures/tips.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** The follow-up screens' own words (their catalog loads with them). */
const FOLLOWUP: Record<Lang, FollowupCatalog> = { fr: followupFr, ar: followupAr };
/** Set FOLLOWUP_SCREENSHOTS=<folder> to keep pictures of the screens at 360×640. */
const SCREENSHOTS = process.env.FOLLOWUP_SCREENSHOTS;

let dir: string;
let fake: FakeHcaptcha;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let hotline: string;
let browser: Browser;
let database: Awaited<ReturnType<typeof openDatabase>>;
let keys: Keys;
let supervisorId: string;
const env: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-followup-e2e-"));
  fake = await startFakeHcaptcha();
  env.DATABASE_URL = `file:${join(dir, "balagh.db")}`;
  env.BALAGH_MASTER_KEY = generateMasterKey();
  [server, browser] = await Promise.all([
    // Behind a proxy, so that each test is a client of its own (receipt attempts are limited per client).
    startServerProcess({
      ...env,
      HCAPTCHA_VERIFY_URL: fake.url,
      HCAPTCHA_SCRIPT_URL: fake.scriptUrl,
      TRUST_PROXY: "true",
    }),
    launchBrowser(),
  ]);
  hotline = `http://localhost:${server.port}`;
  await createStaffWithCli(env, { email: "superviseur@hotline.mr", role: "supervisor", password: "a long passphrase" });
  database = await openDatabase(env.DATABASE_URL);
  keys = await deriveKeys(env.BALAGH_MASTER_KEY);
  const staff = await database.client.execute("select id from staff where email = 'superviseur@hotline.mr'");
  supervisorId = String(staff.rows[0]?.id);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  database?.close();
  await browser?.close();
  await server?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

/** A staff reply, written the way the console writes it (the console engineer's replyToReporter). */
const hotlineReplies = (tipId: string, body: string) =>
  replyToReporter(
    { db: database.db, keys, viewer: { kind: "staff", id: supervisorId, role: "supervisor", agencyId: null } },
    tipId,
    body,
  );

const newestTipId = async () =>
  String((await database.client.execute("select id from tips order by created_at desc, id desc limit 1")).rows[0]?.id);

/** A report filed through the API (the widget's own filing is the first test's). */
const fileTip = async (language: "fr" | "ar" = "fr") => {
  const response = await fetch(`${hotline}/api/v1/tips`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(submission({ provider: "hcaptcha", response: fake.issue() }, validTip({ language }))),
  });
  expect(response.status).toBe(201);
  const { receipt } = (await response.json()) as { receipt: string };
  return { receipt, tipId: await newestTipId() };
};

/** The reporter's messages as stored, opened with the hotline's key: what the server really received. */
const storedReporterMessages = async (tipId: string) => {
  const rows = await database.client.execute({
    sql: "select id, body_sealed from messages where tip_id = ? and direction = 'reporter' order by created_at",
    args: [tipId],
  });
  const texts: string[] = [];
  for (const row of rows.rows) {
    texts.push(await unseal<string>(keys, messageSealContext(tipId, String(row.id)), String(row.body_sealed)));
  }
  return texts;
};

const EASTERN_ARABIC = "٠١٢٣٤٥٦٧٨٩";
const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
/** The receipt as a reporter with an Arabic keyboard types it: Eastern Arabic digits, in groups. */
const inEasternArabic = (receipt: string) =>
  formatReceipt(receipt).replace(/\d/g, (d) => EASTERN_ARABIC[Number(d)] ?? d);

/** The phone's screen from the top, and the whole screen's length (the form scrolls in its own area). */
const shoot = async (page: Page, name: string) => {
  if (!SCREENSHOTS) return;
  const frame = await appFrame(page, "/report/demo");
  const height = await frame.evaluate(() => {
    document.querySelector(".scroller")?.scrollTo(0, 0);
    return (document.querySelector(".top")?.scrollHeight ?? 0) + (document.querySelector("main")?.scrollHeight ?? 0);
  });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const viewport = page.viewportSize() ?? PHONE.viewport;
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 40) });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-whole.png`) });
  await page.setViewportSize(viewport);
};

let clients = 0;
/** A phone on a connection of its own (TRUST_PROXY reads the address from X-Forwarded-For). */
const newPhone = () =>
  browser.newContext({ ...PHONE, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${++clients}` } });

/** The full-page form (/report/demo), first party: storage would be allowed here, so none must be used. */
const openFullPage = async (context: BrowserContext, lang: Lang) => {
  const page = await context.newPage();
  await page.goto(`${hotline}/report/demo?lang=${lang}`);
  return { page, frame: await appFrame(page, "/report/demo") };
};

/** "I already reported", from the first screen. */
const startFollowup = async (frame: Frame, lang: Lang) => {
  await frame.getByRole("button", { name: CATALOGS[lang]["followup.start"], exact: true }).click();
  await heading(frame, FOLLOWUP[lang]["entry.title"]).waitFor();
};

const receiptField = (frame: Frame, lang: Lang) =>
  frame.getByRole("textbox", { name: CATALOGS[lang]["receipt.label"] });
const replyField = (frame: Frame, lang: Lang) => frame.getByRole("textbox", { name: FOLLOWUP[lang]["reply.label"] });

/** Types the receipt key by key (real key events), opens the report, and waits for the conversation. */
const typeReceiptAndOpen = async (page: Page, frame: Frame, lang: Lang, typed: string, shot?: string) => {
  await receiptField(frame, lang).pressSequentially(typed);
  if (shot) await shoot(page, shot);
  await frame.getByRole("button", { name: FOLLOWUP[lang]["entry.open"], exact: true }).click();
  await heading(frame, FOLLOWUP[lang]["status.title"]).waitFor();
  await frame.getByRole("heading", { level: 2, name: FOLLOWUP[lang]["messages.title"] }).waitFor();
};

const sendReply = async (frame: Frame, lang: Lang, text: string) => {
  await replyField(frame, lang).fill(text);
  await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();
};

/** Everything a document can leave on the device, as seen from inside it (as in storage.test.ts). */
const probe = (target: Frame) =>
  target.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ""),
    cacheStorage: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  }));
const NOTHING = {
  cookie: "",
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  cacheStorage: [],
  serviceWorkers: [],
};

/** The follow-up API calls the page made, with the headers that matter. */
const recordFollowupCalls = (context: BrowserContext) => {
  const calls: { method: string; path: string; headers: Record<string, string>; status: Promise<number | null> }[] = [];
  context.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/v1/followup")) return;
    calls.push({
      method: request.method(),
      path: url.pathname,
      headers: request.headers(),
      status: request.response().then((r) => r?.status() ?? null),
    });
  });
  return calls;
};

/** axe-core inside the form's document (as tests/e2e/axe.test.ts runs it): WCAG 2.x A and AA violations. */
const audit = async (frame: Frame, state: string) => {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} :: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`,
    );
  }, WCAG_A_AA);
  return violations.map((v) => `${state} ${v}`);
};

// ---------------------------------------------------------------------------------------------

// The machine is shared: generous timeouts, no sleeps (every wait is for something to appear).
describe("the reporter comes back with the receipt (real Chromium, a real server)", { timeout: 90_000 }, () => {
  it("files a report through the widget, comes back in Arabic with the receipt in Eastern Arabic digits, reads the hotline's Arabic reply in its own direction, answers; nothing is stored on the device", async () => {
    // Filed through the widget in the partner's page, in French.
    const filing = await browser.newContext({ ...PHONE });
    let receipt: string;
    try {
      const page = await filing.newPage();
      await page.goto(server.demoUrl);
      const frame = await openWidget(page);
      await fillToReview(frame, CATALOGS.fr, {
        narrative: "Des enfants mendient au carrefour de Tevragh Zeina et doivent rapporter une somme chaque soir.",
        situation: "child_forced_begging",
        child: "yes",
      });
      await sendFromReview(frame, CATALOGS.fr);
      await solveStandIn(frame);
      receipt = (await readReceipt(frame, CATALOGS.fr)).replace(/ /g, "");
      await finishReceipt(frame, CATALOGS.fr);
    } finally {
      await filing.close();
    }
    const tipId = await newestTipId();
    const question = "في أي شارع يقف الأطفال؟ ومتى يأتي الرجل لأخذ المال؟";
    expect(await hotlineReplies(tipId, question)).toEqual({ ok: true });

    // Later, on another visit, in Arabic, on the full page.
    const context = await newPhone();
    const calls = recordFollowupCalls(context);
    const cacheControl: Promise<string>[] = [];
    context.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/v1/followup")) {
        cacheControl.push(response.allHeaders().then((h) => `${response.url()} ${h["cache-control"]}`));
      }
    });
    try {
      const { page, frame } = await openFullPage(context, "ar");
      await shoot(page, "ar-0-first-screen");
      await startFollowup(frame, "ar");
      await shoot(page, "ar-1-entry");
      const field = receiptField(frame, "ar");
      // A numeric keypad on phones, and nothing remembered by the browser.
      expect(await field.getAttribute("inputmode")).toBe("numeric");
      expect(await field.getAttribute("autocomplete")).toBe("off");

      await typeReceiptAndOpen(page, frame, "ar", inEasternArabic(receipt), "ar-2-receipt-typed");
      // The status in plain words in the reporter's language: a report just filed is received.
      await frame.locator("main").getByText(followupAr["status.received.text"], { exact: true }).waitFor();
      // The hotline's Arabic question, right to left, and the automatic acknowledgement (in the report's
      // language, French) left to right, each in its own direction on the same Arabic page.
      const hotlineMessage = frame.locator(".from-hotline .message-body", { hasText: question });
      await hotlineMessage.waitFor();
      expect(await hotlineMessage.evaluate((el) => el.matches(":dir(rtl)"))).toBe(true);
      const directions = await frame
        .locator(".message-body")
        .evaluateAll((els) => els.map((el) => (el.matches(":dir(rtl)") ? "rtl" : "ltr")));
      const bodies = await frame.locator(".message-body").allTextContents();
      for (const [i, body] of bodies.entries()) {
        const arabic = /[\u0600-\u06FF]/.test(body.replace(/[^\p{L}]/gu, "").slice(0, 1));
        expect(directions[i], body).toBe(arabic ? "rtl" : "ltr");
      }
      expect(directions).toContain("ltr");

      const answer = "الأطفال عند الإشارة قرب السوق. الرجل يأتي كل مساء في السيارة البيضاء. <b>عاجل</b>";
      await sendReply(frame, "ar", answer);
      await frame.locator("main").getByText(followupAr["reply.sent"], { exact: true }).waitFor();
      // Shown as the newest, as text (the markup stays letters), and stored as typed.
      const mine = frame.locator(".from-reporter .message-body").last();
      await mine.waitFor();
      expect(await mine.textContent()).toBe(answer);
      expect(await mine.evaluate((el) => el.children.length)).toBe(0);
      expect(await frame.locator(".message-body").last().textContent()).toBe(answer);
      expect(await storedReporterMessages(tipId)).toEqual([answer]);
      expect(await replyField(frame, "ar").inputValue()).toBe("");
      await shoot(page, "ar-3-conversation");

      // The token went in the Authorization header only; the reply carried an Idempotency-Key.
      const session = calls.find((c) => c.path === "/api/v1/followup/session");
      expect(session?.method).toBe("POST");
      const sent = calls.filter((c) => c.path === "/api/v1/followup/messages");
      expect(sent).toHaveLength(1);
      expect(sent[0]?.headers["idempotency-key"]).toMatch(/^[\w-]{8,128}$/);
      expect(sent[0]?.headers.authorization).toMatch(/^Bearer \S+$/);
      const token = sent[0]?.headers.authorization?.slice("Bearer ".length) ?? "";
      expect(calls.every((c) => !("cookie" in c.headers))).toBe(true);
      expect(page.url()).not.toContain(token);
      expect(await frame.content()).not.toContain(token);

      // Nothing on the device: no cookie, web storage, IndexedDB, cache or worker, and no response cached.
      expect(await context.cookies()).toEqual([]);
      expect(await probe(frame)).toEqual(NOTHING);
      for (const line of await Promise.all(cacheControl)) expect(line).toMatch(/no-store/);
    } finally {
      await context.close();
    }
  });

  describe.each(["fr", "ar"] as const)("an ended session (%s)", (lang) => {
    it("keeps the reply being written, asks for the receipt again, then sends it under the same Idempotency-Key", async () => {
      const { receipt, tipId } = await fileTip(lang);
      expect(
        await hotlineReplies(tipId, lang === "ar" ? "كم عدد الأطفال؟" : "Combien d’enfants avez-vous vus ?"),
      ).toEqual({
        ok: true,
      });
      const context = await newPhone();
      const calls = recordFollowupCalls(context);
      try {
        const { page, frame } = await openFullPage(context, lang);
        if (lang === "fr") await shoot(page, "fr-0-first-screen");
        await startFollowup(frame, lang);
        if (lang === "fr") await shoot(page, "fr-1-entry");
        await typeReceiptAndOpen(
          page,
          frame,
          lang,
          formatReceipt(receipt),
          lang === "fr" ? "fr-2-receipt-typed" : undefined,
        );
        if (lang === "fr") await shoot(page, "fr-3-conversation");

        const reply =
          lang === "ar"
            ? "رأيت ستة أطفال، أصغرهم في السابعة تقريبًا."
            : "J’ai vu six enfants, le plus jeune a environ sept ans.";
        await replyField(frame, lang).fill(reply);
        // The session ends while the reporter writes (as after its 30 minutes).
        await database.client.execute({
          sql: "update followup_sessions set expires_at = 0 where tip_id = ?",
          args: [tipId],
        });
        await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();

        await heading(frame, FOLLOWUP[lang]["entry.title"]).waitFor();
        await frame.locator("main").getByText(FOLLOWUP[lang]["entry.expired"], { exact: true }).waitFor();
        expect(await receiptField(frame, lang).inputValue()).toBe("");
        await shoot(page, `${lang}-4-expired`);
        expect(await storedReporterMessages(tipId)).toEqual([]);

        // Written another way this time: with dashes, or pasted from a right-to-left page in Persian
        // digits with the direction marks copying adds.
        const again =
          lang === "fr"
            ? formatReceipt(receipt).replace(/ /g, "-")
            : `\u200F${formatReceipt(receipt).replace(/\d/g, (d) => PERSIAN[Number(d)] ?? d)}\u200E`;
        await receiptField(frame, lang).fill(again);
        await frame.getByRole("button", { name: FOLLOWUP[lang]["entry.open"], exact: true }).click();
        await heading(frame, FOLLOWUP[lang]["status.title"]).waitFor();
        expect(await replyField(frame, lang).inputValue()).toBe(reply);
        await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();
        await frame.locator("main").getByText(FOLLOWUP[lang]["reply.sent"], { exact: true }).waitFor();
        expect(await storedReporterMessages(tipId)).toEqual([reply]);

        const sends = calls.filter((c) => c.path === "/api/v1/followup/messages");
        expect(await Promise.all(sends.map((c) => c.status))).toEqual([401, 201]);
        expect(sends[1]?.headers["idempotency-key"]).toBe(sends[0]?.headers["idempotency-key"]);
        expect(await context.cookies()).toEqual([]);
        expect(await probe(frame)).toEqual(NOTHING);
      } finally {
        await context.close();
      }
    });
  });

  describe.each(["fr", "ar"] as const)("by keyboard alone (%s)", (lang) => {
    it("reaches 'I already reported', types the receipt, opens the report, writes and sends a reply: Tab, typing and Enter only", async () => {
      const { receipt, tipId } = await fileTip(lang);
      const context = await newPhone();
      try {
        const { page, frame } = await openFullPage(context, lang);
        const keys = new Keyboard(page, frame);
        const labelled = (label: string) => (f: Focus) => f.label === label;
        await keys.button(CATALOGS[lang]["followup.start"]);
        await heading(frame, FOLLOWUP[lang]["entry.title"]).waitFor();
        await keys.tabTo(labelled(CATALOGS[lang]["receipt.label"]), "the receipt field");
        await page.keyboard.type(formatReceipt(receipt));
        await keys.button(FOLLOWUP[lang]["entry.open"]);
        await heading(frame, FOLLOWUP[lang]["status.title"]).waitFor();
        const reply = lang === "ar" ? "الأطفال عند السوق كل صباح." : "Les enfants sont au marché chaque matin.";
        await keys.tabTo(labelled(FOLLOWUP[lang]["reply.label"]), "the reply field");
        await page.keyboard.type(reply);
        await keys.button(FOLLOWUP[lang]["reply.send"]);
        await frame.locator("main").getByText(FOLLOWUP[lang]["reply.sent"], { exact: true }).waitFor();
        expect(await storedReporterMessages(tipId)).toEqual([reply]);
        // No mouse, and no trap: Tab still leaves the reply form for the rest of the screen.
        expect(keys.presses).toBeGreaterThan(0);
        await keys.tabTo((f) => f.tag === "button" && f.label !== FOLLOWUP[lang]["reply.send"], "another button");
      } finally {
        await context.close();
      }
    });
  });

  it("hostile text from the hotline (the naughty strings, markup, bidi) and from the reporter is shown as text, never run", async () => {
    const { receipt, tipId } = await fileTip();
    const hostile = [
      ...naughtyStrings(),
      "<img src=x onerror=\"document.title='pwned'\">",
      "<script>document.title='pwned'</script>",
      "</p><iframe src=javascript:alert(1)></iframe>",
      "\u202Etxt.exe\u202C",
      "שלום <b>gras</b> مرحبا",
    ];
    const shown: string[] = [];
    for (const text of hostile) {
      // What the hotline's own rules refuse (control characters, bidi overrides, blank) never reaches the reporter.
      if ((await hotlineReplies(tipId, text)).ok) shown.push(text);
    }
    expect(shown.length).toBeGreaterThan(400);
    console.log(`hostile: ${shown.length} of ${hostile.length} strings accepted as replies`);

    const context = await newPhone();
    try {
      const { page, frame } = await openFullPage(context, "fr");
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await startFollowup(frame, "fr");
      await typeReceiptAndOpen(page, frame, "fr", receipt);
      const bodies = frame.locator(".from-hotline .message-body");
      await frame.waitForFunction((n) => document.querySelectorAll(".from-hotline").length >= n, shown.length);
      const texts = await bodies.allTextContents();
      // The acknowledgement first, then every accepted string exactly as written, in order.
      expect(texts.slice(-shown.length)).toEqual(shown);
      expect(await bodies.evaluateAll((els) => els.filter((el) => el.children.length > 0).length)).toBe(0);

      const markup = "<svg onload=\"document.title='pwned'\"></svg> & &amp; <a href=javascript:alert(1)>x</a>";
      await sendReply(frame, "fr", markup);
      await frame.locator("main").getByText(followupFr["reply.sent"], { exact: true }).waitFor();
      expect(await frame.locator(".from-reporter .message-body").last().textContent()).toBe(markup);
      // A bidi override is refused by the server's text rules: said beside the field, the text kept.
      const override = "Le bateau \u202Eriof\u202C part ce soir";
      await sendReply(frame, "fr", override);
      await frame.locator("main").getByText(CATALOGS.fr["error.notAccepted"], { exact: true }).waitFor();
      expect(await replyField(frame, "fr").inputValue()).toBe(override);
      expect(await storedReporterMessages(tipId)).toEqual([markup]);

      expect(dialogs).toEqual([]);
      expect(await frame.evaluate(() => document.title)).not.toBe("pwned");
      // The conversation holds only what the screen draws itself: no element came from the text.
      const tags = await frame.locator(".messages *").evaluateAll((els) => [...new Set(els.map((el) => el.tagName))]);
      expect(tags.sort()).toEqual(["LI", "P", "SPAN", "TIME"]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("a wrong receipt gets one plain message that says nothing about the number, the typed text kept", async () => {
    const context = await newPhone();
    try {
      const { page, frame } = await openFullPage(context, "fr");
      await startFollowup(frame, "fr");
      // Too short: refused before anything is sent.
      await receiptField(frame, "fr").fill("1234 5678");
      await frame.getByRole("button", { name: followupFr["entry.open"], exact: true }).click();
      await frame.locator("main").getByText(followupFr["entry.format"], { exact: true }).waitFor();
      // Well formed, unknown.
      await receiptField(frame, "fr").fill("1111 2222 3333 4444 5555");
      await frame.getByRole("button", { name: followupFr["entry.open"], exact: true }).click();
      await frame.locator("main").getByText(followupFr["entry.wrong"], { exact: true }).waitFor();
      expect(await receiptField(frame, "fr").inputValue()).toBe("1111 2222 3333 4444 5555");
      expect(await receiptField(frame, "fr").getAttribute("aria-invalid")).toBe("true");
      await shoot(page, "fr-5-wrong-receipt");
    } finally {
      await context.close();
    }
  });

  it("too many tries from one connection: a 429 says when to try again, the button waits, the number stays typed", async () => {
    const context = await newPhone();
    try {
      const { page, frame } = await openFullPage(context, "ar");
      await startFollowup(frame, "ar");
      const typed = inEasternArabic("11112222333344445555");
      await receiptField(frame, "ar").fill(typed);
      const open = frame.getByRole("button", { name: followupAr["entry.open"], exact: true });
      let status = 0;
      for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
        const answered = page.waitForResponse((r) => r.url().endsWith("/api/v1/followup/session"));
        await open.click();
        status = (await answered).status();
      }
      expect(status).toBe(429);
      const [before, after] = followupAr["entry.rateLater"]
        .split("{time}")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      const later = new RegExp(`^${before}.+${after}$`);
      const problem = frame.locator("#receipt-error");
      await problem.waitFor();
      expect(await problem.textContent()).toSatisfy(
        (text: string) => later.test(text) || text === followupAr["entry.rateSoon"],
      );
      expect(await open.isDisabled()).toBe(true);
      expect(await receiptField(frame, "ar").inputValue()).toBe(typed);
      await shoot(page, "ar-5-too-many-tries");
    } finally {
      await context.close();
    }
  });

  it.each(["fr", "ar"] as const)("axe-core WCAG 2.2 A/AA on every follow-up screen and state (%s)", async (lang) => {
    const { receipt, tipId } = await fileTip(lang);
    const question = lang === "ar" ? "هل الأطفال في خطر الآن؟" : "Les enfants sont-ils en danger ?";
    expect(await hotlineReplies(tipId, question)).toEqual({ ok: true });
    const context = await newPhone();
    try {
      const { page, frame } = await openFullPage(context, lang);
      const found: string[] = [];
      await startFollowup(frame, lang);
      found.push(...(await audit(frame, "entry")));
      await receiptField(frame, lang).fill("12");
      await frame.getByRole("button", { name: FOLLOWUP[lang]["entry.open"], exact: true }).click();
      await frame.locator("main").getByText(FOLLOWUP[lang]["entry.format"], { exact: true }).waitFor();
      found.push(...(await audit(frame, "entry-error")));
      await receiptField(frame, lang).fill("");
      await typeReceiptAndOpen(page, frame, lang, receipt);
      await frame.locator(".from-hotline").nth(1).waitFor();
      found.push(...(await audit(frame, "conversation")));
      await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();
      await frame.locator("main").getByText(CATALOGS[lang]["error.required"], { exact: true }).waitFor();
      found.push(...(await audit(frame, "reply-error")));
      await sendReply(frame, lang, lang === "ar" ? "نعم، الليلة." : "Oui, ce soir.");
      await frame.locator("main").getByText(FOLLOWUP[lang]["reply.sent"], { exact: true }).waitFor();
      found.push(...(await audit(frame, "reply-sent")));
      await replyField(frame, lang).fill(lang === "ar" ? "سأكتب المزيد" : "J’écris encore");
      await database.client.execute({
        sql: "update followup_sessions set expires_at = 0 where tip_id = ?",
        args: [tipId],
      });
      await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();
      await frame.locator("#followup-expired").waitFor();
      found.push(...(await audit(frame, "expired")));
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("switching language keeps the report open and the reply typed; closing it forgets the session", async () => {
    const { receipt } = await fileTip("fr");
    const context = await newPhone();
    const calls = recordFollowupCalls(context);
    try {
      const { frame } = await openFullPage(context, "fr");
      await startFollowup(frame, "fr");
      await typeReceiptAndOpen(frame.page(), frame, "fr", receipt);
      await replyField(frame, "fr").fill("Le camion est bleu.");
      await frame.getByRole("combobox", { name: CATALOGS.fr["language.label"] }).selectOption("ar");
      await heading(frame, followupAr["status.title"]).waitFor();
      expect(await replyField(frame, "ar").inputValue()).toBe("Le camion est bleu.");
      await frame.locator("main").getByText(followupAr["status.received.text"], { exact: true }).waitFor();

      await frame.getByRole("button", { name: followupAr["close.button"], exact: true }).click();
      await heading(frame, CATALOGS.ar["danger.title"]).waitFor();
      await startFollowup(frame, "ar");
      // A new start: the number asked for again, nothing kept from the closed report.
      expect(await receiptField(frame, "ar").inputValue()).toBe("");
      expect(await frame.locator("main").textContent()).not.toContain("Le camion est bleu.");
      expect(calls.filter((c) => c.path === "/api/v1/followup/session")).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
