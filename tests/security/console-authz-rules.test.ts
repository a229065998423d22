import { beforeAll, describe, expect, it } from "vitest";
import {
  authzMatrix,
  cellsOf,
  csrfOf,
  statusOf,
  TIP_TARGETS,
  tipFor,
  WHO,
  type Who,
} from "../fixtures/authz-matrix.js";

/**
 * The routing rules' authorization matrix, written from issue 11 ("Routing rules (admin, supervisors
 * read-only)", "a past tip's answers, by id") and the README ("What each role can see": admins read
 * no tip), not from the code:
 * - admins change rules; supervisors read them and try sample tips; agents and auditors get 403;
 * - starting a dry run from a received tip reads that tip: supervisors only, in their scope; a tip
 *   that does not exist gets the form again with its message (422), as any wrong id would;
 * - no session: a page goes to sign-in (303), a form gets the sign-in page at once (401).
 */
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

const matrix = authzMatrix({ firstAddress: 160, signedOutAddress: 199 });
let agencyId: string;

beforeAll(async () => {
  agencyId = String((await matrix.testApp.exec("select id from agencies where slug = 'mr-ngo-shelter'")).rows[0]?.id);
});

/** A fresh rule for each cell, so that one cell's delete or move never decides another's. */
const freshRule = async () => {
  const id = crypto.randomUUID();
  await matrix.testApp.exec(
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

describe.each(Object.entries(ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(WHO)("%s", async (who) => {
    const path = pattern.includes(":rule") ? pattern.replace(":rule", await freshRule()) : pattern;
    const browser = matrix.browsers[who];
    const answer =
      method === "GET"
        ? await browser.get(path)
        : await browser.post(path, { ...csrfOf(matrix, who), ...validForm(path) });
    expect(await statusOf(answer)).toBe(expected[who]);
  });
});

describe("POST /console/admin/rules/try/tip", () => {
  it.each(cellsOf(FROM_TIP, TIP_TARGETS))("%s on a tip %s: %i", async (who, target, status) => {
    const tipId = await tipFor(matrix, target);
    const answer = await matrix.browsers[who].post("/console/admin/rules/try/tip", { ...csrfOf(matrix, who), tipId });
    expect(await statusOf(answer)).toBe(status);
  });
});
