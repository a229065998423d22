import { consoleCatalogs, shortText } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../server/src/audit/append.js";
import { naughtyStrings } from "../fixtures/blns.js";
import { type ConsoleBrowser, consoleBrowser, errorSummaryOf, manualClock } from "../fixtures/console.js";
import {
  addMembers,
  csrfOf,
  fileTip,
  MEMBERS,
  type MemberName,
  signedInAs,
  tipForX,
} from "../fixtures/console-workspace.js";
import { escapeText, injectionsIn } from "../fixtures/inert-html.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

const fr = consoleCatalogs.fr;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let ids: Record<MemberName, string>;
let tip: string;
const browsers = {} as Record<MemberName, ConsoleBrowser>;

beforeAll(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  ids = await addMembers(testApp);
  tip = await fileTip(testApp, tipForX());
  let address = 40;
  for (const name of Object.keys(MEMBERS) as MemberName[]) {
    browsers[name] = await signedInAs(testApp, clock.now, name, `198.51.100.${address++}`);
  }
});

afterAll(async () => {
  await testApp.close();
});

const changeStatus = async (status: string, reason: string) => {
  const supervisor = browsers.supervisor;
  const answer = await supervisor.post(`/console/tips/${tip}/status`, {
    csrf: await csrfOf(supervisor, `/console/tips/${tip}`),
    status,
    reason,
  });
  expect(answer.status).toBe(303);
};

const entriesOn = (html: string) => [...html.matchAll(/<span class="muted">#(\d+)<\/span>/g)].map((m) => Number(m[1]));

describe("who may read the audit log", () => {
  it.each([
    ["admin", 200],
    ["auditor", 200],
    ["supervisor", 403],
    ["agentX", 403],
  ] as const)("%s: %i", async (name, status) => {
    const answer = await browsers[name].get("/console/audit");
    expect(answer.status).toBe(status);
    if (status === 403) expect(await answer.text()).toContain(fr["error.forbidden.title"]);
  });

  it("sends a visitor who is not signed in to sign in", async () => {
    const answer = await consoleBrowser(testApp).get("/console/audit");
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe("/console/sign-in?return=%2Fconsole%2Faudit");
  });
});

describe("the viewer", () => {
  it("lists the log newest first, names members by email, and filters by actor, tip, action and dates", async () => {
    await changeStatus("in_review", "Vérification demandée");
    const all = await (await browsers.auditor.get("/console/audit")).text();
    const seqs = entriesOn(all);
    expect(seqs.length).toBeGreaterThan(5);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(all).toContain(MEMBERS.supervisor.email);

    const byActor = await (
      await browsers.auditor.get(`/console/audit?actor=${encodeURIComponent(MEMBERS.supervisor.email)}`)
    ).text();
    const supervisorRows = await testApp.exec(
      `select seq from audit_log where actor = '${ids.supervisor}' order by seq desc`,
    );
    expect(entriesOn(byActor)).toEqual(supervisorRows.rows.map((r) => Number(r.seq)));

    const byTipAndAction = await (await browsers.auditor.get(`/console/audit?tip=${tip}&action=tip.status`)).text();
    const statusRows = await testApp.exec(
      `select seq from audit_log where subject = '${tip}' and action = 'tip.status'`,
    );
    expect(entriesOn(byTipAndAction)).toEqual(statusRows.rows.map((r) => Number(r.seq)));
    expect(byTipAndAction).toContain("Vérification demandée");

    // Two entries dated on other days, as the chain's own append writes them.
    await appendAudit(
      testApp.db,
      { actor: "operator", action: "test.old", subject: null, details: {} },
      new Date("2026-02-10T12:00:00Z"),
    );
    await appendAudit(
      testApp.db,
      { actor: "operator", action: "test.old", subject: null, details: {} },
      new Date("2026-02-20T23:59:00Z"),
    );
    const february = await (await browsers.admin.get("/console/audit?from=2026-02-15&to=2026-02-20")).text();
    const rows = await testApp.exec("select seq from audit_log where action = 'test.old' order by seq desc");
    expect(entriesOn(february)).toEqual([Number(rows.rows[0]?.seq)]);
  });

  it("pages with a keyset: the next page starts where the first ended, without overlap", async () => {
    for (let i = 0; i < 60; i++)
      await appendAudit(
        testApp.db,
        { actor: "operator", action: "test.page", subject: null, details: { i } },
        clock.now(),
      );
    const first = await browsers.auditor.get("/console/audit?action=test.page");
    const html = await first.text();
    const next = html.match(/href="(\/console\/audit\?[^"]*before=\d+[^"]*)"/)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toBeDefined();
    const second = await (await browsers.auditor.get(next as string)).text();
    const one = entriesOn(html);
    const two = entriesOn(second);
    expect(one).toHaveLength(50);
    expect(two).toHaveLength(10);
    expect(Math.min(...one)).toBeGreaterThan(Math.max(...two));
  });

  it("refuses a date that is not one: 422, the message beside the field, the value kept", async () => {
    const answer = await browsers.auditor.get("/console/audit?from=2026-02-30&actor=someone");
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(errorSummaryOf(html)).toEqual([fr["audit.error.date"]]);
    expect(html).toMatch(/id="from-error"[^>]*>[\s\S]*?Saisissez une date/);
    expect(html).toContain('value="2026-02-30"');
    expect(html).toContain('value="someone"');
  });

  it("checks the chain only when asked: intact, then the first entry changed after it was written", async () => {
    const plain = await (await browsers.auditor.get("/console/audit")).text();
    expect(plain).toContain(fr["audit.check"]);
    expect(plain).not.toContain(fr["audit.chainIntact"].split("{entries}")[0]);
    const intact = await (await browsers.auditor.get("/console/audit?verify=1")).text();
    const count = Number((await testApp.exec("select count(*) as n from audit_log")).rows[0]?.n);
    // The page's own look at the log is not audited, so the count holds.
    expect(intact).toContain(fr["audit.chainIntact"].replace("{entries}", String(count)));
    const victim = Number((await testApp.exec("select seq from audit_log order by seq limit 1 offset 3")).rows[0]?.seq);
    await testApp.exec(`update audit_log set actor = 'someone else' where seq = ${victim}`);
    const broken = await (await browsers.auditor.get("/console/audit?verify=1")).text();
    expect(broken).toContain(fr["audit.chainEdited"].replace("{seq}", String(victim)));
  });
});

describe("details are text", () => {
  it("a reason holding script, markup and the naughty strings is shown inert and whole", async () => {
    const accepted = naughtyStrings().filter((s) => s.trim() !== "" && shortText().safeParse(s).success);
    const reasons: string[] = [];
    let current: string[] = [];
    for (const s of ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', ...accepted]) {
      if ([...current, s].join("\n").length > 480 && current.length > 0) {
        reasons.push(current.join("\n"));
        current = [];
      }
      current.push(s);
    }
    reasons.push(current.join("\n"));
    for (const [i, reason] of reasons.entries()) await changeStatus(i % 2 ? "in_review" : "referred", reason);
    let html = "";
    let next: string | undefined = `/console/audit?tip=${tip}&action=tip.status`;
    while (next) {
      const page = await (await browsers.auditor.get(next)).text();
      expect(injectionsIn(page)).toEqual([]);
      html += page;
      next = page.match(/href="(\/console\/audit\?[^"]*before=\d+[^"]*)"/)?.[1]?.replaceAll("&amp;", "&");
    }
    for (const reason of reasons)
      for (const s of reason.split("\n")) expect(html, JSON.stringify(s)).toContain(escapeText(s));
  });
});
