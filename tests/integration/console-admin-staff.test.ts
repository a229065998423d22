import { consoleCatalogs } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConsoleBrowser,
  consoleBrowser,
  errorSummaryOf,
  fieldValue,
  manualClock,
  setupKeyOn,
} from "../fixtures/console.js";
import { AGENCY_X, addMembers, csrfOf, MEMBERS, type MemberName, signedInAs } from "../fixtures/console-workspace.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

const fr = consoleCatalogs.fr;
const STAFF = "/console/admin/staff";

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let ids: Record<MemberName, string>;
let admin: ConsoleBrowser;
let agencyX: string;
let address = 10;

beforeAll(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  ids = await addMembers(testApp);
  admin = await signedInAs(testApp, clock.now, "admin", "198.51.100.2");
  agencyX = String((await testApp.exec(`select id from agencies where slug = '${AGENCY_X}'`)).rows[0]?.id);
});

afterAll(async () => {
  await testApp.close();
});

const one = async (sql: string) => (await testApp.exec(sql)).rows[0];
const staffRow = (email: string) => one(`select * from staff where email = '${email}'`);
const auditOf = async (action: string, subject: string) =>
  (await testApp.exec(`select details from audit_log where action = '${action}' and subject = '${subject}'`)).rows.map(
    (row) => JSON.parse(String(row.details)),
  );

const create = async (fields: Record<string, string>) =>
  admin.post(STAFF, { csrf: await csrfOf(admin, `${STAFF}/new`), ...fields });

const act = async (id: string, action: string, fields: Record<string, string> = {}, as = admin) =>
  as.post(`${STAFF}/${id}/${action}`, { csrf: await csrfOf(as, `${STAFF}/${id}`), ...fields });

/** The message shown beside a field (GOV.UK: in the field's own group, linked from the summary). */
const besideField = (html: string, id: string) =>
  html.match(new RegExp(`<p class="error-message" id="${id}-error">[\\s\\S]*?</span>([^<]*)</p>`))?.[1]?.trim();

const temporaryPasswordOn = (html: string) => html.match(/class="setup-key temporary-password"[^>]*>([^<]+)</)?.[1];

describe("the staff list", () => {
  it("shows each member's email, role, agency, second factor, last sign-in and access", async () => {
    const page = await (await admin.get(STAFF)).text();
    for (const member of Object.values(MEMBERS)) expect(page).toContain(member.email);
    const agentX = page.match(/data-member="officer.x@agency.mr"[\s\S]*?<\/li>/)?.[0] ?? "";
    expect(agentX).toContain(fr["role.agent"]);
    expect(agentX).toContain("Protection de l"); // the agency's name, from the Mauritania deployment
    expect(agentX).toContain(fr["staff.secondFactor.off"]);
    expect(agentX).toContain(fr["staff.lastSignIn.never"]);
    const lead = page.match(/data-member="lead@hotline.mr"[\s\S]*?<\/li>/)?.[0] ?? "";
    expect(lead).toContain(fr["staff.secondFactor.on"]);
    expect(lead).toContain("2026"); // signed in at the test clock's time
    expect(lead).toContain("09:00 UTC");
  });

  it("records the last sign-in when a sign-in is complete", async () => {
    const row = await staffRow(MEMBERS.admin.email);
    expect(Number(row?.last_sign_in_at)).toBe(new Date("2026-03-02T09:00:00Z").getTime());
  });
});

describe("creating a member", () => {
  it("creates an agent with a temporary password shown once, who must choose their own at the first sign-in", async () => {
    const email = "new.officer@agency.mr";
    const answer = await create({ email: "  New.Officer@agency.mr ", role: "agent", agency: agencyX });
    expect(answer.status).toBe(201);
    const page = await answer.text();
    const temporary = temporaryPasswordOn(page) ?? "";
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    const row = await staffRow(email);
    expect(row?.role).toBe("agent");
    expect(row?.agency_id).toBe(agencyX);
    expect(Number(row?.must_change_password)).toBe(1);
    expect(String(row?.password_hash)).not.toContain(temporary);
    expect(await auditOf("staff.create", String(row?.id))).toEqual([{ email, role: "agent", agency: AGENCY_X }]);
    // Nowhere else: the list and the member's page never show it again.
    expect(await (await admin.get(STAFF)).text()).not.toContain(temporary);
    expect(await (await admin.get(`${STAFF}/${row?.id}`)).text()).not.toContain(temporary);

    const officer = consoleBrowser(testApp, { clientAddress: "198.51.100.50" });
    const first = await officer.post("/console/sign-in", { email, password: temporary });
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe("/console/sign-in/password");
    // Not signed in yet: the queue sends them back to sign in.
    expect((await officer.get("/console")).status).toBe(303);
    const form = await (await officer.get("/console/sign-in/password")).text();
    const csrf = fieldValue(form, "csrf") ?? "";
    const refusals: [Record<string, string>, string, string][] = [
      [{ password: "", confirmation: "" }, "password", fr["newPassword.missing"]],
      [
        { password: "short one", confirmation: "short one" },
        "password",
        fr["newPassword.short"].replace("{min}", "12"),
      ],
      [
        { password: "a long new password", confirmation: "a long new passwort" },
        "confirmation",
        fr["newPassword.mismatch"],
      ],
      [{ password: temporary, confirmation: temporary }, "password", fr["newPassword.unchanged"]],
    ];
    for (const [fields, field, message] of refusals) {
      const refused = await officer.post("/console/sign-in/password", { csrf, ...fields });
      expect(refused.status).toBe(422);
      expect(besideField(await refused.text(), field)).toBe(message);
    }
    expect((await staffRow(email))?.password_hash).toBe(row?.password_hash);
    const chosen = "my own long passphrase";
    const done = await officer.post("/console/sign-in/password", { csrf, password: chosen, confirmation: chosen });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/console");
    expect((await officer.get("/console")).status).toBe(200);
    const after = await staffRow(email);
    expect(Number(after?.must_change_password)).toBe(0);
    expect(Number(after?.last_sign_in_at)).toBe(clock.now().getTime());
    expect(await auditOf("staff.password.change", String(row?.id))).toHaveLength(1);
    // The temporary password is worth nothing now; the chosen one signs in.
    const later = consoleBrowser(testApp, { clientAddress: "198.51.100.51" });
    expect((await later.post("/console/sign-in", { email, password: temporary })).status).toBe(401);
    clock.advance(2_000);
    expect((await later.post("/console/sign-in", { email, password: chosen })).status).toBe(303);
  });

  it("makes a supervisor choose a password first, then enrol the second factor", async () => {
    const email = "second.supervisor@hotline.mr";
    const temporary = temporaryPasswordOn(await (await create({ email, role: "supervisor" })).text()) ?? "";
    const member = consoleBrowser(testApp, { clientAddress: "198.51.100.52" });
    await member.post("/console/sign-in", { email, password: temporary });
    // The enrolment is not offered before the password is replaced.
    const skipped = await member.get("/console/sign-in/enrol");
    expect(skipped.headers.get("Location")).toBe("/console/sign-in/password");
    const csrf = fieldValue(await (await member.get("/console/sign-in/password")).text(), "csrf") ?? "";
    const chosen = "supervisor's own passphrase";
    const next = await member.post("/console/sign-in/password", { csrf, password: chosen, confirmation: chosen });
    expect(next.headers.get("Location")).toBe("/console/sign-in/enrol");
    expect(setupKeyOn(await (await member.get("/console/sign-in/enrol")).text())).toMatch(/^[A-Z2-7]{32}$/);
    expect((await member.get("/console")).status).toBe(303);
  });

  type Case = { what: string; fields: Record<string, string>; expected: [string, keyof typeof fr][] };
  const refused: Case[] = [
    {
      what: "an empty form",
      fields: {},
      expected: [
        ["email", "staff.problem.emailMissing"],
        ["role", "staff.problem.roleMissing"],
      ],
    },
    {
      what: "a malformed email",
      fields: { email: "not an email", role: "auditor" },
      expected: [["email", "staff.problem.emailFormat"]],
    },
    {
      what: "an email already in use",
      fields: { email: MEMBERS.auditor.email.toUpperCase(), role: "auditor" },
      expected: [["email", "staff.problem.emailTaken"]],
    },
    {
      what: "an unknown role",
      fields: { email: "x2@hotline.mr", role: "root" },
      expected: [["role", "staff.problem.roleMissing"]],
    },
    {
      what: "an agent without an agency",
      fields: { email: "x3@hotline.mr", role: "agent", agency: "" },
      expected: [["agency", "staff.problem.agencyMissing"]],
    },
    {
      what: "a supervisor with an agency",
      fields: { email: "x4@hotline.mr", role: "supervisor", agency: "AGENCY" },
      expected: [["agency", "staff.problem.agencyNotAllowed"]],
    },
    {
      what: "an agency that does not exist",
      fields: { email: "x5@hotline.mr", role: "agent", agency: "nope" },
      expected: [["agency", "staff.problem.agencyUnknown"]],
    },
  ];
  for (const { what, fields, expected } of refused) {
    it(`refuses ${what}: each message beside its field, the values kept, nothing written`, async () => {
      const sent: Record<string, string> = { ...fields, ...(fields.agency === "AGENCY" ? { agency: agencyX } : {}) };
      const before = await testApp.count("staff");
      const audits = await testApp.count("audit_log");
      const answer = await create(sent);
      expect(answer.status).toBe(422);
      const page = await answer.text();
      expect(errorSummaryOf(page)).toEqual(expected.map(([, message]) => fr[message]));
      for (const [field, message] of expected) expect(besideField(page, field)).toBe(fr[message]);
      expect(fieldValue(page, "email") ?? "").toBe(sent.email ?? "");
      if (sent.role === "agent" || sent.role === "supervisor")
        expect(page).toMatch(new RegExp(`value="${sent.role}" checked`));
      expect(await testApp.count("staff")).toBe(before);
      expect(await testApp.count("audit_log")).toBe(audits);
    });
  }
});

describe("changing a member", () => {
  it("changes an agent's agency, audited with the values before and after", async () => {
    const coastGuard = String((await one("select id from agencies where slug = 'mr-coast-guard'"))?.id);
    const answer = await act(ids.agentX, "placement", { role: "agent", agency: coastGuard });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe(`${STAFF}/${ids.agentX}?done=placement`);
    expect((await one(`select agency_id from staff where id = '${ids.agentX}'`))?.agency_id).toBe(coastGuard);
    expect(await auditOf("staff.placement.change", ids.agentX)).toEqual([
      { before: { role: "agent", agency: AGENCY_X }, after: { role: "agent", agency: "mr-coast-guard" } },
    ]);
    await act(ids.agentX, "placement", { role: "agent", agency: agencyX });
  });

  it("does not let the last active admin demote or disable themselves", async () => {
    for (const [action, fields] of [
      ["placement", { role: "supervisor", agency: "" }],
      ["disable", {}],
    ] as const) {
      const answer = await act(ids.admin, action, fields);
      expect(answer.status).toBe(422);
      expect(errorSummaryOf(await answer.text())).toEqual([fr["staff.problem.lastAdmin"]]);
    }
    const row = await one(`select role, disabled from staff where id = '${ids.admin}'`);
    expect(row?.role).toBe("admin");
    expect(Number(row?.disabled)).toBe(0);
  });

  it("resets a lost second factor: the member's sessions end and they enrol again at their next sign-in", async () => {
    const supervisor = await signedInAs(testApp, clock.now, "supervisor", `198.51.100.${address++}`);
    expect((await supervisor.get("/console")).status).toBe(200);
    const answer = await act(ids.supervisor, "second-factor");
    expect(answer.status).toBe(303);
    const row = await one(`select totp_secret_sealed, totp_enrolled_at from staff where id = '${ids.supervisor}'`);
    expect(row?.totp_secret_sealed).toBeNull();
    expect(row?.totp_enrolled_at).toBeNull();
    expect(await testApp.count(`sessions where staff_id = '${ids.supervisor}'`)).toBe(0);
    expect((await supervisor.get("/console")).headers.get("Location")).toMatch(/^\/console\/sign-in/);
    expect(await auditOf("staff.totp.reset", ids.supervisor)).toEqual([
      { before: { secondFactor: true }, after: { secondFactor: false } },
    ]);
    clock.advance(60_000);
    const again = consoleBrowser(testApp, { clientAddress: `198.51.100.${address++}` });
    const first = await again.post("/console/sign-in", {
      email: MEMBERS.supervisor.email,
      password: MEMBERS.supervisor.password,
    });
    expect(first.headers.get("Location")).toBe("/console/sign-in/enrol");
  });

  it("disables a member: their session ends at once and they cannot sign in; enabled, they can", async () => {
    const auditor = await signedInAs(testApp, clock.now, "auditor", `198.51.100.${address++}`);
    expect((await auditor.get("/console/audit")).status).toBe(200);
    expect((await act(ids.auditor, "disable")).status).toBe(303);
    expect(await testApp.count(`sessions where staff_id = '${ids.auditor}'`)).toBe(0);
    expect((await auditor.get("/console/audit")).status).toBe(303);
    expect(await auditOf("staff.disable", ids.auditor)).toEqual([
      { before: { disabled: false }, after: { disabled: true } },
    ]);
    const retry = consoleBrowser(testApp, { clientAddress: `198.51.100.${address++}` });
    const refused = await retry.post("/console/sign-in", {
      email: MEMBERS.auditor.email,
      password: MEMBERS.auditor.password,
    });
    expect(refused.status).toBe(401);
    expect(errorSummaryOf(await refused.text())).toEqual([fr["signIn.failed"]]);
    clock.advance(2_000);
    expect((await act(ids.auditor, "enable")).status).toBe(303);
    const back = consoleBrowser(testApp, { clientAddress: `198.51.100.${address++}` });
    expect(
      (await back.post("/console/sign-in", { email: MEMBERS.auditor.email, password: MEMBERS.auditor.password }))
        .status,
    ).toBe(303);
  });

  it("writes a change and its audit entry together: an entry that cannot be written leaves the member unchanged", async () => {
    await testApp.exec(
      "create trigger refuse_disable before insert on audit_log when new.action = 'staff.disable' begin select raise(abort, 'audit refused'); end",
    );
    try {
      const answer = await act(ids.agentY, "disable");
      expect(answer.status).toBe(503);
      expect(Number((await one(`select disabled from staff where id = '${ids.agentY}'`))?.disabled)).toBe(0);
    } finally {
      await testApp.exec("drop trigger refuse_disable");
    }
  });

  it("answers 404 for a member that does not exist", async () => {
    expect((await admin.get(`${STAFF}/no-such-member`)).status).toBe(404);
    expect((await act("no-such-member", "disable", {})).status).toBe(404);
  });
});

describe("a failed sign-in", () => {
  it("is counted in the same batch as its audit entry: neither without the other", async () => {
    const email = MEMBERS.agentY.email;
    const failures = async () => Number((await staffRow(email))?.failed_sign_ins);
    const entries = () =>
      testApp.count(`audit_log where action = 'staff.sign_in.failed' and subject = '${ids.agentY}'`);
    await testApp.exec(
      "create trigger refuse_failure before insert on audit_log when new.action = 'staff.sign_in.failed' begin select raise(abort, 'audit refused'); end",
    );
    try {
      const browser = consoleBrowser(testApp, { clientAddress: `198.51.100.${address++}` });
      expect((await browser.post("/console/sign-in", { email, password: "a wrong password" })).status).toBe(503);
      expect(await failures()).toBe(0);
      expect(await entries()).toBe(0);
    } finally {
      await testApp.exec("drop trigger refuse_failure");
    }
    clock.advance(60_000);
    const browser = consoleBrowser(testApp, { clientAddress: `198.51.100.${address++}` });
    expect((await browser.post("/console/sign-in", { email, password: "a wrong password" })).status).toBe(401);
    expect(await failures()).toBe(1);
    expect(await entries()).toBe(1);
    clock.advance(60_000);
  });
});

describe("who may", () => {
  it("keeps the staff pages to admins", async () => {
    const officer = await signedInAs(testApp, clock.now, "agentX", `198.51.100.${address++}`);
    expect((await officer.get(STAFF)).status).toBe(403);
    expect(
      (await officer.post(STAFF, { csrf: await csrfOf(officer), email: "sneaky@hotline.mr", role: "admin" })).status,
    ).toBe(403);
    expect(await staffRow("sneaky@hotline.mr")).toBeUndefined();
  });
});
