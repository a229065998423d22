import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, consoleBrowser, fieldValue, manualClock } from "../fixtures/console.js";
import {
  addMembers,
  fileTip,
  MEMBERS,
  type MemberName,
  signedInAs,
  tipElsewhere,
  tipForX,
} from "../fixtures/console-workspace.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

/**
 * The routing rules' authorization matrix, written from issue 11 ("Routing rules (admin, supervisors
 * read-only)", "a past tip's answers, by id") and the README ("What each role can see": admins read
 * no tip), not from the code:
 * - admins change rules; supervisors read them and try sample tips; agents and auditors get 403;
 * - starting a dry run from a received tip reads that tip: supervisors only, in their scope; a tip
 *   that does not exist gets the form again with its message (422), as any wrong id would;
 * - no session: a page goes to sign-in (303), a form gets the sign-in page at once (401).
 */
type Who = MemberName | "signedOut";
type Target = "routedToX" | "routedElsewhere" | "missing";
const WHO: Who[] = ["admin", "supervisor", "agentX", "agentY", "auditor", "signedOut"];
const TARGETS: Target[] = ["routedToX", "routedElsewhere", "missing"];

const READERS = { admin: 200, supervisor: 200, agentX: 403, agentY: 403, auditor: 403, signedOut: 303 };
const ADMIN_PAGE = { admin: 200, supervisor: 403, agentX: 403, agentY: 403, auditor: 403, signedOut: 303 };
const ADMIN_FORM = { admin: 303, supervisor: 403, agentX: 403, agentY: 403, auditor: 403, signedOut: 401 };
const READER_FORM = { admin: 200, supervisor: 200, agentX: 403, agentY: 403, auditor: 403, signedOut: 401 };

const ROUTES: Record<string, Record<Who, number>> = {
  "GET /console/admin/rules": READERS,
  "GET /console/admin/rules/try": READERS,
  "POST /console/admin/rules/try": READER_FORM,
  "GET /console/admin/rules/new": ADMIN_PAGE,
  "GET /console/admin/rules/:rule/edit": ADMIN_PAGE,
  "POST /console/admin/rules": ADMIN_FORM,
  "POST /console/admin/rules/:rule": ADMIN_FORM,
  "POST /console/admin/rules/:rule/move": ADMIN_FORM,
  "POST /console/admin/rules/:rule/enabled": ADMIN_FORM,
  "POST /console/admin/rules/:rule/delete": ADMIN_FORM,
};

// [routed to X, routed elsewhere, missing]
const FROM_TIP: Record<Who, number[]> = {
  admin: [403, 403, 403],
  supervisor: [200, 200, 422],
  agentX: [403, 403, 403],
  agentY: [403, 403, 403],
  auditor: [403, 403, 403],
  signedOut: [401, 401, 401],
};

let testApp: TestApp;
const browsers = {} as Record<Who, ConsoleBrowser>;
const tokens = {} as Record<MemberName, string>;
let agencyId: string;

beforeAll(async () => {
  const clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  await addMembers(testApp);
  let address = 160;
  for (const name of Object.keys(MEMBERS) as MemberName[]) {
    const browser = await signedInAs(testApp, clock.now, name, `198.51.100.${address++}`);
    browsers[name] = browser;
    tokens[name] = fieldValue(await (await browser.get("/console/account")).text(), "csrf") ?? "";
  }
  browsers.signedOut = consoleBrowser(testApp, { clientAddress: "198.51.100.199" });
  agencyId = String((await testApp.exec("select id from agencies where slug = 'mr-ngo-shelter'")).rows[0]?.id);
});

afterAll(() => testApp.close());

/** A fresh rule for each cell, so that one cell's delete or move never decides another's. */
const freshRule = async () => {
  const id = crypto.randomUUID();
  await testApp.exec(
    `insert into routing_rules (id, position, name, conditions, agency_id, role) values ('${id}', 100, 'matrix', '{"priorities":["P3"]}', '${agencyId}', 'notify')`,
  );
  return id;
};

/** A valid form for each route: any refusal is the matrix's, not the input's. */
const validForm = (path: string): Record<string, string> => {
  if (path.endsWith("/move")) return { direction: "up" };
  if (path.endsWith("/enabled")) return { enabled: "no" };
  if (path.endsWith("/delete")) return {};
  if (path.endsWith("/try"))
    return {
      dangerNow: "no",
      reporterRole: "witness",
      country: "MR",
      when: "earlier",
      childInvolved: "yes",
      situations: "child_forced_begging",
      narrative: "Des enfants mendient au carrefour.",
      disclosure: "anonymous",
      language: "fr",
    };
  return { name: "matrix rule", agencyId, role: "notify", priorities: "P3" };
};

const statusOf = async (response: Response) => {
  await response.body?.cancel();
  return response.status;
};

describe.each(Object.entries(ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(WHO)("%s", async (who) => {
    const path = pattern.includes(":rule") ? pattern.replace(":rule", await freshRule()) : pattern;
    const browser = browsers[who];
    const answer =
      method === "GET"
        ? await browser.get(path)
        : await browser.post(path, { ...(who === "signedOut" ? {} : { csrf: tokens[who] }), ...validForm(path) });
    expect(await statusOf(answer)).toBe(expected[who]);
  });
});

describe("POST /console/admin/rules/try/tip", () => {
  const cells = WHO.flatMap((who) => TARGETS.map((target, i) => [who, target, FROM_TIP[who][i]] as const));
  it.each(cells)("%s on a tip %s: %i", async (who, target, status) => {
    const tipId =
      target === "missing"
        ? "00000000-0000-4000-8000-000000000000"
        : await fileTip(testApp, target === "routedToX" ? tipForX() : tipElsewhere());
    const answer = await browsers[who].post("/console/admin/rules/try/tip", {
      ...(who === "signedOut" ? {} : { csrf: tokens[who as MemberName] }),
      tipId,
    });
    expect(await statusOf(answer)).toBe(status);
  });
});
