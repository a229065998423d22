import { consoleCatalogs } from "@balagh/shared";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HotlineSettings, writeHotlineSettings } from "../../server/src/settings/hotline.js";
import { replyText } from "../../server/src/tips/conversation.js";
import { naughtyStrings } from "../fixtures/blns.js";
import {
  addStaff,
  type ConsoleBrowser,
  consoleBrowser,
  errorSummaryOf,
  fieldValue,
  type manualClock,
  signIn,
} from "../fixtures/console.js";
import { AGENCY_X, csrfOf, fileTip, MEMBERS, type MemberName, tipForX } from "../fixtures/console-workspace.js";
import { writeReporterMessage } from "../fixtures/followup-messages.js";
import { escapeText, injectionsIn, withoutConsoleScripts } from "../fixtures/inert-html.js";
import { membersApp } from "../fixtures/members-app.js";
import type { TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const fr = consoleCatalogs.fr;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let ids: Record<MemberName, string>;
let tipX: string;

const { file, as } = membersApp({ firstAddress: 20 });

beforeAll(async () => {
  ({ testApp, clock, ids } = file);
});

beforeEach(async () => {
  tipX = await fileTip(testApp, tipForX());
});

const workspace = (id: string) => `/console/tips/${id}`;

const reply = async (browser: ConsoleBrowser, id: string, text: string) =>
  browser.post(`${workspace(id)}/reply`, { csrf: await csrfOf(browser, workspace(id)), reply: text });

const tipRow = async (id: string) =>
  (
    await testApp.exec({
      sql: "select unread_messages, awaiting_reply_since, updated_at from tips where id = ?",
      args: [id],
    } as never)
  ).rows[0];

const messagesOf = async (id: string) =>
  (
    await testApp.exec({
      sql: "select id, direction, staff_id, body_sealed, read_at from messages where tip_id = ? order by created_at, id",
      args: [id],
    } as never)
  ).rows;

const auditOf = async (id: string, action: string) =>
  (
    await testApp.exec({
      sql: "select actor, details from audit_log where subject = ? and action = ? order by seq",
      args: [id, action],
    } as never)
  ).rows.map((r) => ({ actor: r.actor, details: JSON.parse(String(r.details)) }));

/** The text a textarea holds, unescaped as the browser reads it. */
const textareaOf = (html: string, name: string) =>
  html
    .match(new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`))?.[1]
    ?.replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

describe("reading the conversation", () => {
  it("shows the reporter's messages, sealed at rest, and opening the workspace marks them read, audited", async () => {
    const words = "Ils partent ce soir de Rosso, il y a trois enfants.";
    await writeReporterMessage(testApp, tipX, words, { at: clock.now() });
    expect(await tipRow(tipX)).toMatchObject({ unread_messages: 1 });
    const [stored] = await messagesOf(tipX);
    expect(String(stored?.body_sealed)).not.toContain("Rosso");

    const agent = await as("agentX");
    const html = await (await agent.get(workspace(tipX))).text();
    expect(html).toContain(escapeText(words));
    expect(html).toContain(`tag--unread">${fr["followup.new"]}<`);
    expect(await tipRow(tipX)).toMatchObject({ unread_messages: 0 });
    expect((await messagesOf(tipX))[0]?.read_at).toBe(clock.now().getTime());
    expect(await auditOf(tipX, "tip.conversation.read")).toEqual([
      { actor: ids.agentX, details: { messages: 1, newlyRead: 1 } },
    ]);
    // Read once: the next look audits again, but nothing is new any more.
    const again = await (await agent.get(workspace(tipX))).text();
    expect(again).not.toContain(`tag--unread">${fr["followup.new"]}<`);
    expect((await auditOf(tipX, "tip.conversation.read")).at(-1)?.details).toEqual({ messages: 1, newlyRead: 0 });
  });

  it("shows the automatic acknowledgement first, marked as such, in the reporter's language", async () => {
    const arabicTip = await fileTip(testApp, validTip({ language: "ar" }));
    await writeReporterMessage(testApp, arabicTip, "شكرا");
    const supervisor = await as("supervisor");
    for (const [id, script] of [
      [tipX, /^[^\p{Script=Arabic}]+$/u],
      [arabicTip, /\p{Script=Arabic}/u],
    ] as const) {
      const html = await (await supervisor.get(workspace(id))).text();
      const first = html.match(/<ol class="messages"><li class="([^"]*)">[\s\S]*?<\/li>/);
      expect(first?.[1]).toBe("message message--hotline message--automatic");
      expect(first?.[0]).toContain(fr["followup.automatic"]);
      const text = first?.[0].match(/<p class="free-text" dir="auto">([^<]+)<\/p>/)?.[1] ?? "";
      expect(text).toMatch(script);
    }
  });

  it("keeps a message that arrives after the page was read unread", async () => {
    await writeReporterMessage(testApp, tipX, "Premier message.");
    const supervisor = await as("supervisor");
    await supervisor.get(workspace(tipX));
    await writeReporterMessage(testApp, tipX, "Second message.");
    expect(await tipRow(tipX)).toMatchObject({ unread_messages: 1 });
  });
});

describe("replying", () => {
  it("stores the reply sealed, with its audit entry, ends the wait and shows it with the member's email", async () => {
    clock.advance(MINUTE);
    await writeReporterMessage(testApp, tipX, "Vous êtes là ?", { at: clock.now() });
    clock.advance(MINUTE);
    const supervisor = await as("supervisor");
    const text = "Merci. Pouvez-vous nous dire le nom du quartier ?";
    const answer = await reply(supervisor, tipX, text);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe(`${workspace(tipX)}?done=reply#conversation`);
    const rows = await messagesOf(tipX);
    const hotline = rows.find((r) => r.direction === "hotline");
    expect(hotline).toMatchObject({ staff_id: ids.supervisor, read_at: null });
    expect(String(hotline?.body_sealed)).not.toContain("quartier");
    expect(await tipRow(tipX)).toMatchObject({ awaiting_reply_since: null, updated_at: clock.now().getTime() });
    expect(await auditOf(tipX, "tip.reply")).toEqual([{ actor: ids.supervisor, details: { message: hotline?.id } }]);
    const html = await (await supervisor.follow(answer)).text();
    expect(html).toContain(fr["followup.done"]);
    expect(html).toContain(escapeText(text));
    expect(html).toContain(MEMBERS.supervisor.email);
  });

  it("writes the reply and its audit entry together: when the audit entry cannot be written, neither is", async () => {
    await writeReporterMessage(testApp, tipX, "Toujours là.");
    const supervisor = await as("supervisor");
    const csrf = await csrfOf(supervisor, workspace(tipX));
    await testApp.exec(
      "create trigger refuse_reply_audit before insert on audit_log when new.action = 'tip.reply' " +
        "begin select raise(abort, 'audit refused'); end",
    );
    try {
      const answer = await supervisor.post(`${workspace(tipX)}/reply`, { csrf, reply: "Réponse perdue ?" });
      expect(answer.status).toBeGreaterThanOrEqual(500);
    } finally {
      await testApp.exec("drop trigger refuse_reply_audit");
    }
    expect((await messagesOf(tipX)).filter((m) => m.direction === "hotline")).toEqual([]);
    expect((await tipRow(tipX))?.awaiting_reply_since).not.toBeNull();
  });

  it.each([
    ["empty", "   ", fr["followup.error.empty"]],
    ["too long", "a".repeat(10_001), fr["tip.error.tooLong"].replace("{length}", "10001").replace("{max}", "10000")],
    ["with a bidi override", "Réponse \u202E cachée", fr["tip.error.control"]],
  ])(
    "refuses a reply %s: the form back, its message beside the field, the text kept, nothing written",
    async (_, text, message) => {
      await writeReporterMessage(testApp, tipX, "Une question.");
      const supervisor = await as("supervisor");
      const auditBefore = await testApp.count("audit_log");
      const answer = await reply(supervisor, tipX, text);
      expect(answer.status).toBe(422);
      const html = await answer.text();
      expect(errorSummaryOf(html)).toEqual([message]);
      expect(html).toMatch(new RegExp(`id="reply-error"[^>]*>[\\s\\S]*?${escapeRegExp(escapeText(message))}`));
      expect(textareaOf(html, "reply")).toBe(text);
      expect((await messagesOf(tipX)).filter((m) => m.direction === "hotline")).toEqual([]);
      // The page itself was read (and that look audited); no reply and no entry for one.
      expect(await auditOf(tipX, "tip.reply")).toEqual([]);
      expect(await testApp.count("audit_log")).toBeGreaterThan(auditBefore);
    },
  );
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("ready answers from the deployment file", () => {
  it("fills the box without JavaScript, in the tip's language: French for a French tip, Arabic for an Arabic one", async () => {
    const supervisor = await as("supervisor");
    const french = await (await supervisor.get(`${workspace(tipX)}?template=which-place`)).text();
    expect(textareaOf(french, "reply")).toBe(
      "Merci pour votre signalement. Pouvez-vous nous dire où exactement (ville, quartier, rue ou repère) ?",
    );
    const arabicTip = await fileTip(testApp, validTip({ language: "ar" }));
    const arabic = await (await supervisor.get(`${workspace(arabicTip)}?template=how-many`)).text();
    expect(textareaOf(arabic, "reply")).toBe("كم عدد الأشخاص المعنيين، وهل بينهم أطفال؟");
    expect(arabic).toContain(`href="${workspace(arabicTip)}?template=which-place#reply"`);
    const unknown = await (await supervisor.get(`${workspace(tipX)}?template=nope`)).text();
    expect(textareaOf(unknown, "reply")).toBe("");
  });

  it("falls back to the member's language when the template lacks the tip's", async () => {
    await writeHotlineSettings(testApp.db, {
      replyTemplates: [
        { id: "only-fr", title: { fr: "Seulement en français" }, body: { fr: "Bonjour, merci pour votre message." } },
      ],
    });
    try {
      const arabicTip = await fileTip(testApp, validTip({ language: "ar" }));
      const supervisor = await as("supervisor");
      const html = await (await supervisor.get(`${workspace(arabicTip)}?template=only-fr`)).text();
      expect(textareaOf(html, "reply")).toBe("Bonjour, merci pour votre message.");
    } finally {
      const { loadDeployment } = await import("../../server/src/deployments/index.js");
      const hotline = (loadDeployment("mauritania") as { hotline?: Parameters<typeof writeHotlineSettings>[1] })
        .hotline;
      await writeHotlineSettings(testApp.db, hotline ?? {});
    }
  });
});

/** One line of the queue page, by its tip. */
const lineOf = (html: string, id: string) => html.match(new RegExp(`<li[^>]*data-tip-id="${id}"[\\s\\S]*?</li>`))?.[0];

describe("the queue", () => {
  it("filters the tips waiting for us and marks unread messages until someone opens the workspace", async () => {
    const quiet = await fileTip(testApp, tipForX());
    await writeReporterMessage(testApp, tipX, "Premier message.");
    await writeReporterMessage(testApp, tipX, "Deuxième message.");
    const supervisor = await as("supervisor");
    const waiting = await (await supervisor.get("/console?waiting=us")).text();
    expect(lineOf(waiting, quiet)).toBeUndefined();
    expect(lineOf(waiting, tipX)).toContain(
      fr["followup.queue.unread"].replace("{count}", '<span data-slot="unread-count">2</span>'),
    );
    const everything = await (await supervisor.get("/console?status=all")).text();
    expect(everything).toContain(`data-tip-id="${quiet}"`);

    await supervisor.get(workspace(tipX));
    const read = await (await supervisor.get("/console?waiting=us")).text();
    expect(lineOf(read, tipX)).toBeDefined();
    expect(lineOf(read, tipX)).not.toContain("tag--unread");

    expect((await reply(supervisor, tipX, "Merci, nous regardons.")).status).toBe(303);
    expect(lineOf(await (await supervisor.get("/console?waiting=us")).text(), tipX)).toBeUndefined();
  });

  it("ignores a 'waiting' value it does not know, and says so", async () => {
    const supervisor = await as("supervisor");
    const page = await (await supervisor.get("/console?waiting=maybe")).text();
    expect(errorSummaryOf(page)).toEqual([`${fr["queue.filter.waiting"]}: ${fr["queue.filter.ignored"]}`]);
  });

  const mauritania = async () => {
    const { loadDeployment } = await import("../../server/src/deployments/index.js");
    return (loadDeployment("mauritania") as { hotline?: HotlineSettings }).hotline ?? {};
  };

  it.each([
    ["the deployment file's 7 days", (h: HotlineSettings) => h, 7 * DAY],
    ["the default of 7 days, when the file says nothing", ({ replyReminder: _, ...h }: HotlineSettings) => h, 7 * DAY],
    ["a deployment's own 3 days", (h: HotlineSettings) => ({ ...h, replyReminder: "3d" }), 3 * DAY],
  ])(
    "shows the reminder once a reporter's message has waited longer than %s, in the queue and the workspace",
    async (_, settings, waitMs) => {
      await writeHotlineSettings(testApp.db, settings(await mauritania()));
      try {
        const onTime = tipX;
        const late = await fileTip(testApp, tipForX());
        await writeReporterMessage(testApp, onTime, "Vous avez lu ?", {
          at: new Date(clock.now().getTime() - waitMs + MINUTE),
        });
        await writeReporterMessage(testApp, late, "Vous avez lu ?", {
          at: new Date(clock.now().getTime() - waitMs - MINUTE),
        });
        const supervisor = await as("supervisor");
        const queue = await (await supervisor.get("/console?waiting=us")).text();
        const badge = `tag--reminder">${fr["followup.reminder"]}<`;
        expect(lineOf(queue, onTime)).not.toContain(badge);
        expect(lineOf(queue, late)).toContain(badge);
        expect(await (await supervisor.get(workspace(onTime))).text()).not.toContain(badge);
        expect(await (await supervisor.get(workspace(late))).text()).toContain(badge);
      } finally {
        await writeHotlineSettings(testApp.db, await mauritania());
      }
    },
  );
});

describe("hostile text in the conversation", () => {
  it("shows the naughty strings, markup and bidi from the reporter and in a reply as inert text", async () => {
    const accepted = naughtyStrings().filter((s) => s.trim() !== "" && replyText.safeParse(s).success);
    const chunks: string[] = [];
    let current: string[] = [];
    for (const s of accepted) {
      if ([...current, s].join("\n").length > 2_000 && current.length > 0) {
        chunks.push(current.join("\n"));
        current = [];
      }
      current.push(s);
    }
    chunks.push(current.join("\n"));
    for (const chunk of chunks) await writeReporterMessage(testApp, tipX, chunk);
    const hostile =
      '<script>alert(1)</script>\n"><img src=x onerror=alert(1)>\n<a href="javascript:alert(1)">clic</a>\n\u200Fعربي\u200E';
    const supervisor = await as("supervisor");
    expect((await reply(supervisor, tipX, hostile)).status).toBe(303);
    for (const path of [workspace(tipX), `${workspace(tipX)}/conversation`]) {
      const html = await (await supervisor.get(path)).text();
      expect(injectionsIn(html)).toEqual([]);
      expect(withoutConsoleScripts(html)).not.toMatch(/<script/i);
      for (const s of [...accepted, ...hostile.split("\n")]) expect(html, JSON.stringify(s)).toContain(escapeText(s));
    }
    expect(accepted.length).toBeGreaterThan(400);
  });
});

// Last: moving the clock past the idle timeout ends every session of the file.
describe("a reply sent after the session ended", () => {
  it("keeps what was typed when the session ended mid-reply, for the same member after signing in", async () => {
    // An agent: no second factor between the password and the kept form.
    const member = {
      email: "nuit@agency.mr",
      password: "a night shift passphrase",
      role: "agent" as const,
      agency: AGENCY_X,
    };
    await addStaff(testApp, member);
    const browser = consoleBrowser(testApp, { clientAddress: "198.51.100.80" });
    await signIn(browser, member, clock.now);
    const csrf = await csrfOf(browser, workspace(tipX));
    clock.advance(31 * MINUTE);
    const text = "Nous avons prévenu la protection de l’enfance. Êtes-vous en sécurité ?";
    const late = await browser.post(`${workspace(tipX)}/reply`, { csrf, reply: text });
    expect(late.status).toBe(401);
    const page = await late.text();
    expect(page).toContain(fr["signIn.sessionEndedKept"]);
    const again = await browser.post("/console/sign-in", {
      email: member.email,
      password: member.password,
      resume: fieldValue(page, "resume") ?? "",
      return: `${workspace(tipX)}/reply`,
    });
    const resumed = await again.text();
    expect(fieldValue(resumed, "reply")).toBe(text);
    const sent = await browser.post(`${workspace(tipX)}/reply`, {
      csrf: fieldValue(resumed, "csrf") ?? "",
      reply: text,
    });
    expect(sent.status).toBe(303);
    expect((await messagesOf(tipX)).filter((m) => m.direction === "hotline")).toHaveLength(1);
  });
});
