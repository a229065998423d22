import { describe, expect, it } from "vitest";
import { followupAr } from "../../shared/src/i18n/followup/ar.js";
import { followupFr } from "../../shared/src/i18n/followup/fr.js";
import { naughtyStrings } from "../fixtures/blns.js";
import { CATALOGS } from "../fixtures/e2e-widget.js";
import {
  axeInFrame,
  FOLLOWUP,
  fileTip,
  hotlineReplies,
  inEasternArabic,
  newPhone,
  openFullPage,
  receiptField,
  replyField,
  sendReply,
  shoot,
  stageDatabase,
  startFollowup,
  storedReporterMessages,
  typeReceiptAndOpen,
  useFollowupStage,
} from "../fixtures/followup-e2e.js";

/** Issue 10: what the follow-up screens refuse (hostile text, wrong receipts, too many tries), and axe on each state. */
useFollowupStage();

describe("the follow-up screens refuse, and stay readable (real Chromium, a real server)", { timeout: 90_000 }, () => {
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
      found.push(...(await axeInFrame(frame, "entry")));
      await receiptField(frame, lang).fill("12");
      await frame.getByRole("button", { name: FOLLOWUP[lang]["entry.open"], exact: true }).click();
      await frame.locator("main").getByText(FOLLOWUP[lang]["entry.format"], { exact: true }).waitFor();
      found.push(...(await axeInFrame(frame, "entry-error")));
      await receiptField(frame, lang).fill("");
      await typeReceiptAndOpen(page, frame, lang, receipt);
      await frame.locator(".from-hotline").nth(1).waitFor();
      found.push(...(await axeInFrame(frame, "conversation")));
      await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();
      await frame.locator("main").getByText(CATALOGS[lang]["error.required"], { exact: true }).waitFor();
      found.push(...(await axeInFrame(frame, "reply-error")));
      await sendReply(frame, lang, lang === "ar" ? "نعم، الليلة." : "Oui, ce soir.");
      await frame.locator("main").getByText(FOLLOWUP[lang]["reply.sent"], { exact: true }).waitFor();
      found.push(...(await axeInFrame(frame, "reply-sent")));
      await replyField(frame, lang).fill(lang === "ar" ? "سأكتب المزيد" : "J’écris encore");
      await stageDatabase().client.execute({
        sql: "update followup_sessions set expires_at = 0 where tip_id = ?",
        args: [tipId],
      });
      await frame.getByRole("button", { name: FOLLOWUP[lang]["reply.send"], exact: true }).click();
      await frame.locator("#followup-expired").waitFor();
      found.push(...(await axeInFrame(frame, "expired")));
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
