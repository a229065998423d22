import { consoleCatalogs, shortText } from "@balagh/shared";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { naughtyStrings } from "../fixtures/blns.js";
import { type ConsoleBrowser, errorSummaryOf, fieldValue, type manualClock } from "../fixtures/console.js";
import {
  csrfOf,
  fileTip,
  MEMBERS,
  type MemberName,
  signedInAs,
  tipElsewhere,
  tipForX,
} from "../fixtures/console-workspace.js";
import { escapeText, injectionsIn, withoutConsoleScripts } from "../fixtures/inert-html.js";
import { membersApp } from "../fixtures/members-app.js";
import type { TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const fr = consoleCatalogs.fr;
const MINUTE = 60_000;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let ids: Record<MemberName, string>;
let tipX: string;
let tipOther: string;

const { file, as, forgetSessions } = membersApp({ firstAddress: 10 });

beforeAll(async () => {
  ({ testApp, clock, ids } = file);
});

beforeEach(async () => {
  tipX = await fileTip(testApp, tipForX());
  tipOther = await fileTip(testApp, tipElsewhere());
});

const workspace = (id: string) => `/console/tips/${id}`;

const act = async (browser: ConsoleBrowser, id: string, action: string, fields: Record<string, string>) =>
  browser.post(`${workspace(id)}/${action}`, { csrf: await csrfOf(browser, workspace(id)), ...fields });

const auditOf = async (action: string) =>
  (
    await testApp.exec({
      sql: "select actor, subject, details from audit_log where action = ? and subject in (?, ?) order by seq",
      args: [action, tipX, tipOther],
    } as never)
  ).rows.map((r) => ({ actor: r.actor, subject: r.subject, details: JSON.parse(String(r.details)) }));

/** Everything an action could write: the tip's row, its notes, links, routes and the audit log but for looks. */
const stateOf = async (id: string) => ({
  tip: (
    await testApp.exec(
      `select status, priority, classification, assigned_to, duplicate_of from tips where id = '${id}'`,
    )
  ).rows,
  notes: await testApp.count("internal_notes"),
  links: await testApp.count("tip_links"),
  routes: (await testApp.exec(`select agency_id from tip_routes where tip_id = '${id}' order by agency_id`)).rows,
  audit: (await testApp.exec("select seq, action from audit_log where action <> 'tip.view' order by seq")).rows,
});

describe("the workspace", () => {
  it("shows a supervisor the answers, triage with its reasons, routes with deliveries, and records the look", async () => {
    const supervisor = await as("supervisor");
    const page = await supervisor.get(workspace(tipX));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(escapeText(tipForX().narrative));
    expect(html).toContain('dir="auto"');
    expect(html).toContain("Tevragh Zeina");
    expect(html).toContain(fr["tip.triage.title"]);
    expect(html).toContain("Child Protection".length > 0 ? fr["tip.routes.title"] : "");
    const views = await auditOf("tip.view");
    expect(views.at(-1)).toMatchObject({ actor: ids.supervisor, subject: tipX });
    // The timeline names the member by email address.
    const again = await (await supervisor.get(workspace(tipX))).text();
    expect(again).toContain(`${MEMBERS.supervisor.email}</strong> ${fr["tip.event.view"]}`);
  });

  it("is the same 404 page for a missing tip and for a tip outside the member's scope", async () => {
    const agent = await as("agentX");
    const nowhere = crypto.randomUUID();
    const missing = await agent.get(workspace(nowhere));
    const outside = await agent.get(workspace(tipOther));
    expect(missing.status).toBe(404);
    expect(outside.status).toBe(404);
    // Identical but for the page's own address (the language switch comes back to it).
    expect((await outside.text()).replace(tipOther, "ID")).toBe((await missing.text()).replace(nowhere, "ID"));
  });
});

describe("each action, taken by a supervisor", () => {
  it("adds a note: 303 back with a confirmation, the note in the page, one tip.note entry", async () => {
    const supervisor = await as("supervisor");
    const answer = await act(supervisor, tipX, "note", { note: "Appelé la DREN, visite prévue jeudi." });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe(`${workspace(tipX)}?done=note`);
    const html = await (await supervisor.follow(answer)).text();
    expect(html).toContain(fr["tip.done.note"]);
    expect(html).toContain("Appelé la DREN, visite prévue jeudi.");
    expect(await auditOf("tip.note")).toMatchObject([{ actor: ids.supervisor, subject: tipX }]);
  });

  it("changes the status with its reason, shown in the timeline", async () => {
    const supervisor = await as("supervisor");
    const answer = await act(supervisor, tipX, "status", { status: "in_review", reason: "Vérification en cours" });
    expect(answer.status).toBe(303);
    const html = await (await supervisor.follow(answer)).text();
    expect(html).toContain(fr["tip.done.status"]);
    expect(html).toContain("Vérification en cours");
    expect(await auditOf("tip.status")).toMatchObject([
      {
        actor: ids.supervisor,
        subject: tipX,
        details: { from: "received", to: "in_review", reason: "Vérification en cours" },
      },
    ]);
  });

  it("marks a duplicate of another tip", async () => {
    const supervisor = await as("supervisor");
    const answer = await act(supervisor, tipX, "status", {
      status: "duplicate",
      duplicateOf: tipOther,
      reason: "Même bateau",
    });
    expect(answer.status).toBe(303);
    expect((await testApp.exec(`select status, duplicate_of from tips where id = '${tipX}'`)).rows[0]).toMatchObject({
      status: "duplicate",
      duplicate_of: tipOther,
    });
  });

  it("assigns to a member who can see the tip, listed in the form, and not to one who cannot", async () => {
    const supervisor = await as("supervisor");
    const form = await (await supervisor.get(workspace(tipX))).text();
    expect(form).toContain(`value="${ids.agentX}"`);
    expect(form).not.toContain(`value="${ids.agentY}"`);
    const answer = await act(supervisor, tipX, "assign", { staffId: ids.agentX, reason: "Agent de permanence" });
    expect(answer.status).toBe(303);
    expect(await auditOf("tip.assign")).toMatchObject([
      { actor: ids.supervisor, details: { from: null, to: ids.agentX, reason: "Agent de permanence" } },
    ]);
    const html = await (await supervisor.follow(answer)).text();
    expect(html).toContain(MEMBERS.agentX.email);
  });

  it("overrides the priority and the classification, each with its reason", async () => {
    const supervisor = await as("supervisor");
    expect((await act(supervisor, tipX, "priority", { value: "P0", reason: "Enfant en danger" })).status).toBe(303);
    expect(
      (await act(supervisor, tipX, "classification", { value: "trafficking", reason: "Exploitation" })).status,
    ).toBe(303);
    expect(await auditOf("tip.priority.override")).toMatchObject([
      { actor: ids.supervisor, details: { to: "P0", reason: "Enfant en danger" } },
    ]);
    expect(await auditOf("tip.classification.override")).toMatchObject([
      { actor: ids.supervisor, details: { to: "trafficking", reason: "Exploitation" } },
    ]);
  });

  it("links a related tip, shown as a link in both workspaces", async () => {
    const supervisor = await as("supervisor");
    const answer = await act(supervisor, tipX, "link", { linkedTipId: tipOther });
    expect(answer.status).toBe(303);
    expect(await auditOf("tip.link")).toMatchObject([
      { actor: ids.supervisor, subject: tipX, details: { linked: tipOther } },
    ]);
    expect(await (await supervisor.get(workspace(tipOther))).text()).toContain(`href="/console/tips/${tipX}"`);
  });
});

describe("refused input: 422, the message beside the field, values kept, nothing written", () => {
  const cases: [string, string, Record<string, string>, string, string][] = [
    ["an empty note", "note", { note: "   " }, "note", fr["tip.error.emptyNote"]],
    ["a note over 10,000 characters", "note", { note: "x".repeat(10_001) }, "note", "10001"],
    ["a note with RLO U+202E", "note", { note: "paid \u202Eelbat" }, "note", fr["tip.error.control"]],
    ["a note with a control character", "note", { note: "bell \u0007 here" }, "note", fr["tip.error.control"]],
    [
      "a status without a reason",
      "status",
      { status: "closed", reason: "" },
      "status-reason",
      fr["tip.error.emptyReason"],
    ],
    ["an unknown status", "status", { status: "deleted", reason: "x" }, "status", fr["tip.error.status"]],
    ["a duplicate of nothing", "status", { status: "duplicate", reason: "x" }, "duplicateOf", fr["tip.error.otherTip"]],
    ["a reason over 500 characters", "priority", { value: "P1", reason: "r".repeat(501) }, "priority-reason", "501"],
    ["a priority that does not exist", "priority", { value: "P7", reason: "x" }, "priority", fr["tip.error.choice"]],
    [
      "an unknown classification",
      "classification",
      { value: "other", reason: "x" },
      "classification",
      fr["tip.error.choice"],
    ],
    [
      "a link to a tip that does not exist",
      "link",
      { linkedTipId: "00000000-0000-4000-8000-000000000000" },
      "linkedTipId",
      fr["tip.error.otherTip"],
    ],
    ["a link of the tip to itself", "link", { linkedTipId: "SELF" }, "linkedTipId", fr["tip.error.otherTip"]],
  ];
  for (const [what, action, fields, field, message] of cases) {
    it(what, async () => {
      const supervisor = await as("supervisor");
      const sent = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === "SELF" ? tipX : v]));
      const before = await stateOf(tipX);
      const answer = await act(supervisor, tipX, action, sent);
      expect(answer.status).toBe(422);
      const html = await answer.text();
      expect(errorSummaryOf(html).join(" ")).toContain(message);
      expect(html).toMatch(
        new RegExp(`id="${field}-error"[^>]*>[\\s\\S]*?${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      );
      expect(html).toContain(`href="#${field}"`);
      expect(html).toMatch(new RegExp(`id="${field}"`));
      for (const name of ["note", "reason", "linkedTipId", "duplicateOf"]) {
        const value = sent[name];
        if (value?.trim()) expect(html, `${name} kept`).toContain(escapeText(value));
      }
      expect(await stateOf(tipX)).toEqual(before);
    });
  }

  it("assigning to a member who cannot see the tip", async () => {
    const supervisor = await as("supervisor");
    const before = await stateOf(tipX);
    const answer = await act(supervisor, tipX, "assign", { staffId: ids.agentY, reason: "essai" });
    expect(answer.status).toBe(422);
    expect(errorSummaryOf(await answer.text())).toEqual([fr["tip.error.assignee"]]);
    expect(await stateOf(tipX)).toEqual(before);
  });
});

describe("hostile text that is accepted stays text", () => {
  it("script, markup and SQL in a note and a reason are stored as typed and shown inert", async () => {
    const supervisor = await as("supervisor");
    const tipsBefore = await testApp.tipCount();
    const hostile = [
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      "'; DROP TABLE tips; --",
      '<a href="javascript:alert(1)">clic</a>',
    ];
    expect((await act(supervisor, tipX, "note", { note: hostile.join("\n") })).status).toBe(303);
    expect((await act(supervisor, tipX, "status", { status: "in_review", reason: hostile[1] as string })).status).toBe(
      303,
    );
    expect(await testApp.tipCount()).toBe(tipsBefore);
    const html = await (await supervisor.get(workspace(tipX))).text();
    for (const text of hostile) expect(html).toContain(escapeText(text));
    expect(injectionsIn(html)).toEqual([]);
  });
});

describe("the naughty strings", () => {
  it("render as inert text in every free-text field of the workspace", async () => {
    const accepted = naughtyStrings().filter((s) => s.trim() !== "" && shortText().safeParse(s).success);
    const chunks: string[][] = [[]];
    for (const s of accepted) {
      const current = chunks.at(-1) as string[];
      if ([...current, s].join("\n").length > 480 && current.length > 0) chunks.push([s]);
      else current.push(s);
    }
    const texts = chunks.map((c) => c.join("\n"));
    const supervisor = await as("supervisor");
    let placed = 0;
    while (placed < texts.length) {
      const next = () => texts[placed++ % texts.length] as string;
      const id = await fileTip(
        testApp,
        validTip({
          narrative: next(),
          location: { country: "MR", region: next(), town: next(), place: next() },
          people: { count: 3, languages: next() },
          details: { suspects: next(), vehicles: next(), boats: next(), phoneNumbers: next(), places: next() },
          disclosure: "confidential",
          contact: { name: next(), means: next(), safeToContact: "yes", safeTimes: next() },
        }),
      );
      const html = await (await supervisor.get(workspace(id))).text();
      expect(injectionsIn(html)).toEqual([]);
      expect(withoutConsoleScripts(html)).not.toMatch(/<script/i);
      for (const text of texts.slice(Math.max(0, placed - 13), placed))
        for (const s of text.split("\n")) expect(html, JSON.stringify(s)).toContain(escapeText(s));
    }
    expect(accepted.length).toBeGreaterThan(400);
  });
});

describe("an agent", () => {
  it("adds a note and changes the status of a tip routed to their agency, but may not assign or override (403)", async () => {
    const agent = await as("agentX");
    expect((await act(agent, tipX, "note", { note: "Vu sur place" })).status).toBe(303);
    expect((await act(agent, tipX, "status", { status: "referred", reason: "Transmis au juge" })).status).toBe(303);
    const before = await stateOf(tipX);
    for (const [action, fields] of [
      ["assign", { staffId: ids.agentX, reason: "moi" }],
      ["priority", { value: "P3", reason: "moins urgent" }],
      ["classification", { value: "smuggling", reason: "x" }],
    ] as const) {
      const answer = await act(agent, tipX, action, fields);
      expect(answer.status, action).toBe(403);
      expect(await answer.text()).toContain(fr["error.forbidden.title"]);
    }
    expect(await stateOf(tipX)).toEqual(before);
    const html = await (await agent.get(workspace(tipX))).text();
    expect(html).not.toContain(`/console/tips/${tipX}/assign`);
  });

  it("gets the 404 page for every action on a tip not routed to their agency, as for a missing tip", async () => {
    const agent = await as("agentX");
    const before = await stateOf(tipOther);
    for (const action of ["note", "status", "assign", "priority", "classification", "link"]) {
      const fields = { note: "x", status: "closed", reason: "x", value: "P3", linkedTipId: tipX };
      const outside = await act(agent, tipOther, action, fields);
      expect(outside.status, action).toBe(404);
      expect(await outside.text()).toContain(fr["error.notFound.title"]);
    }
    expect(await stateOf(tipOther)).toEqual(before);
  });

  it("loses nothing typed in a note when the session ends mid-action", async () => {
    const agent = await signedInAs(testApp, clock.now, "agentX", "198.51.100.200");
    const csrf = await csrfOf(agent, workspace(tipX));
    clock.advance(31 * MINUTE);
    const note = "La famille a rappelé : l’enfant est à Rosso.";
    const late = await agent.post(`${workspace(tipX)}/note`, { csrf, note });
    expect(late.status).toBe(401);
    const signInPage = await late.text();
    expect(signInPage).toContain(fr["signIn.sessionEndedKept"]);
    const again = await agent.post("/console/sign-in", {
      email: MEMBERS.agentX.email,
      password: MEMBERS.agentX.password,
      resume: fieldValue(signInPage, "resume") ?? "",
      return: fieldValue(signInPage, "return") ?? "",
    });
    expect(again.status).toBe(200);
    const resumed = await again.text();
    expect(resumed).toContain(`action="${workspace(tipX)}/note"`);
    expect(fieldValue(resumed, "note")).toBe(note.replaceAll("’", "’"));
    const sent = await agent.post(`${workspace(tipX)}/note`, {
      csrf: fieldValue(resumed, "csrf") ?? "",
      note: fieldValue(resumed, "note") ?? "",
    });
    expect(sent.status).toBe(303);
    expect(await (await agent.follow(sent)).text()).toContain(escapeText(note));
    // Every session of this file ended with the clock's jump: this test stays the last one.
    forgetSessions();
  });
});
