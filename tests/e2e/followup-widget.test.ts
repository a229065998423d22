import { formatReceipt } from "@balagh/shared";
import { describe, expect, it } from "vitest";
import { followupAr } from "../../shared/src/i18n/followup/ar.js";
import { PHONE } from "../fixtures/browser.js";
import {
  CATALOGS,
  type Focus,
  fillToReview,
  finishReceipt,
  heading,
  Keys as Keyboard,
  openWidget,
  readReceipt,
  sendFromReview,
  solveStandIn,
} from "../fixtures/e2e-widget.js";
import {
  demoUrl,
  FOLLOWUP,
  fileTip,
  hotlineReplies,
  inEasternArabic,
  NOTHING,
  newestTipId,
  newPhone,
  openFullPage,
  PERSIAN,
  probe,
  receiptField,
  recordFollowupCalls,
  replyField,
  sendReply,
  shoot,
  stageBrowser,
  stageDatabase,
  startFollowup,
  storedReporterMessages,
  typeReceiptAndOpen,
  useFollowupStage,
} from "../fixtures/followup-e2e.js";

/** Issue 10: the reporter comes back with the receipt, reads the hotline's reply and answers, in French and Arabic. */
useFollowupStage();

describe("the reporter comes back with the receipt (real Chromium, a real server)", { timeout: 90_000 }, () => {
  it("files a report through the widget, comes back in Arabic with the receipt in Eastern Arabic digits, reads the hotline's Arabic reply in its own direction, answers; nothing is stored on the device", async () => {
    // Filed through the widget in the partner's page, in French.
    const filing = await stageBrowser().newContext({ ...PHONE });
    let receipt: string;
    try {
      const page = await filing.newPage();
      await page.goto(demoUrl());
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
        await stageDatabase().client.execute({
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
