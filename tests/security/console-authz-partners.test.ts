import { describe, expect, it } from "vitest";
import { createPartner } from "../../server/src/partners/changes.js";
import { authzMatrix, cellsOf, csrfOf, statusOf, WHO, type Who } from "../fixtures/authz-matrix.js";

/**
 * The partners' rows of the console's authorization matrix, written from issue 11 ("Partners
 * (admin)") and the matrix's rules in issue 9:
 * - admins only: every other role gets the 403 page, whether the partner exists or not (the role
 *   is checked before anything is looked up, so no answer tells which keys exist);
 * - a partner that does not exist: 404 for an admin;
 * - no session: a page goes to sign-in (303), a form gets the sign-in page at once (401);
 * - a success: a page 200, a form 303 to the partner's kit page.
 */
type Target = "existing" | "missing";
const TARGETS: Target[] = ["existing", "missing"];

const ADMIN_PAGE: Record<Who, number> = {
  admin: 200,
  supervisor: 403,
  agentX: 403,
  agentY: 403,
  auditor: 403,
  signedOut: 303,
};
const ADMIN_FORM: Record<Who, number> = {
  admin: 303,
  supervisor: 403,
  agentX: 403,
  agentY: 403,
  auditor: 403,
  signedOut: 401,
};

const PAGES: Record<string, Record<Who, number>> = {
  "GET /console/admin/partners": ADMIN_PAGE,
  "GET /console/admin/partners/new": ADMIN_PAGE,
  "POST /console/admin/partners/new": ADMIN_FORM,
};

// [existing, missing]
const READ = {
  admin: [200, 404],
  supervisor: [403, 403],
  agentX: [403, 403],
  agentY: [403, 403],
  auditor: [403, 403],
  signedOut: [303, 303],
};
const CHANGE = {
  admin: [303, 404],
  supervisor: [403, 403],
  agentX: [403, 403],
  agentY: [403, 403],
  auditor: [403, 403],
  signedOut: [401, 401],
};

const PARTNER_ROUTES: Record<string, Record<Who, number[]>> = {
  "GET /console/admin/partners/:key": READ,
  "GET /console/admin/partners/:key/edit": READ,
  "GET /console/admin/partners/:key/poster": READ,
  "POST /console/admin/partners/:key/edit": CHANGE,
  "POST /console/admin/partners/:key/disable": CHANGE,
  "POST /console/admin/partners/:key/enable": CHANGE,
};

const matrix = authzMatrix({ firstAddress: 70, signedOutAddress: 98 });
const { browsers, tokens } = matrix;
let made = 0;

const form = (key: string) => ({
  key,
  name: `Matrix partner ${key}`,
  allowedOrigins: "https://matrix.example",
  languages: "fr",
  defaultLanguage: "fr",
  countries: "MR",
  defaultCountry: "MR",
  captchaProviders: "altcha",
  exitUrl: "https://www.wikipedia.org/",
  accent: "",
  launcherLabel: "",
});

/** A fresh partner for each cell (one disabled by a cell decides no other), disabled for "enable". */
const targetKey = async (target: Target, action: string) => {
  if (target === "missing") return "no-such-partner";
  const key = `matrix-${++made}`;
  const ctx = { db: matrix.testApp.db, actor: matrix.ids.admin, now: new Date() };
  await createPartner(ctx, { ...form(key), languages: ["fr"], captchaProviders: ["altcha"] });
  if (action === "enable") await matrix.testApp.exec(`update partners set disabled = 1 where key = '${key}'`);
  return key;
};

const send = (who: Who, method: string, path: string, fields: Record<string, string>) =>
  method === "GET" ? browsers[who].get(path) : browsers[who].post(path, { ...csrfOf(matrix, who), ...fields });

describe.each(Object.entries(PAGES))("%s", (route, expected) => {
  const [method, path] = route.split(" ") as [string, string];
  it.each(WHO)("%s", async (who) => {
    expect(await statusOf(await send(who, method, path, form(`matrix-new-${++made}`)))).toBe(expected[who]);
  });
});

describe.each(Object.entries(PARTNER_ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(cellsOf(expected, TARGETS))("%s on a partner %s: %i", async (who, target, status) => {
    const action = pattern.split("/").at(-1) as string;
    const key = await targetKey(target, action);
    const answer = await send(who, method, pattern.replace(":key", key), form(key));
    expect(await statusOf(answer)).toBe(status);
  });
});

describe("partner forms without the session's token, or from another site", () => {
  it.each(["new", "edit", "disable", "enable"])("%s: refused (403) and nothing written", async (action) => {
    const key = await targetKey("existing", action);
    const path = action === "new" ? "/console/admin/partners/new" : `/console/admin/partners/${key}/${action}`;
    const fields = action === "new" ? form(`matrix-forged-${++made}`) : { ...form(key), name: "Forged" };
    const { testApp } = matrix;
    const before = await testApp.exec("select count(*) as n from audit_log");
    const partners = await testApp.exec("select * from partners order by key");
    const admin = browsers.admin;
    expect(await statusOf(await admin.post(path, fields))).toBe(403);
    expect(await statusOf(await admin.post(path, { ...fields, csrf: "not-the-token" }))).toBe(403);
    expect(await statusOf(await admin.post(path, { ...fields, csrf: tokens.supervisor }))).toBe(403);
    expect(
      await statusOf(await admin.post(path, { ...fields, csrf: tokens.admin }, { Origin: "https://evil.example" })),
    ).toBe(403);
    expect((await testApp.exec("select count(*) as n from audit_log")).rows[0]?.n).toBe(before.rows[0]?.n);
    expect((await testApp.exec("select * from partners order by key")).rows).toEqual(partners.rows);
  });
});
