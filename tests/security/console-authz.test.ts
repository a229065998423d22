import { describe, expect, it } from "vitest";
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
import { fileTip, tipForX } from "../fixtures/console-workspace.js";

/**
 * The authorization matrix, written from issue 9 ("Roles and scope", "Errors in pages are pages")
 * and the README ("What each role can see"), not from the code:
 * - supervisors: every tip, every action; agents: tips routed to their agency (X here), with note,
 *   status and link; admins and auditors: no tip at all, the audit log instead;
 * - a tip outside the viewer's scope is a 404, the same as a tip that does not exist, whatever the
 *   action (scope is checked before the role's actions);
 * - an action the role may not take on a tip it can see: 403;
 * - no session: a page goes to sign-in (303), a form gets the sign-in page at once (401, its fields kept);
 * - a success: a page 200, a form 303 back to the workspace.
 */
/** Pages without a tip: one status per role. */
const PAGES: Record<string, Record<Who, number>> = {
  // Admins and auditors have a home that says they read no tip (README, "The queue").
  "GET /console": { admin: 200, supervisor: 200, agentX: 200, agentY: 200, auditor: 200, signedOut: 303 },
  // No stream for a role that reads no tip: nothing to tell it, ever.
  "GET /console/events": { admin: 204, supervisor: 200, agentX: 200, agentY: 200, auditor: 204, signedOut: 204 },
  "GET /console/audit": { admin: 200, supervisor: 403, agentX: 403, agentY: 403, auditor: 200, signedOut: 303 },
  "GET /console/account": { admin: 200, supervisor: 200, agentX: 200, agentY: 200, auditor: 200, signedOut: 303 },
};

// [routed to X, routed elsewhere, missing]
const READS = {
  admin: [404, 404, 404],
  supervisor: [200, 200, 404],
  agentX: [200, 404, 404],
  agentY: [404, 404, 404],
  auditor: [404, 404, 404],
  signedOut: [303, 303, 303],
};
const AGENT_MAY = {
  admin: [404, 404, 404],
  supervisor: [303, 303, 404],
  agentX: [303, 404, 404],
  agentY: [404, 404, 404],
  auditor: [404, 404, 404],
  signedOut: [401, 401, 401],
};
const SUPERVISOR_ONLY = {
  admin: [404, 404, 404],
  supervisor: [303, 303, 404],
  agentX: [403, 404, 404],
  agentY: [404, 404, 404],
  auditor: [404, 404, 404],
  signedOut: [401, 401, 401],
};

const TIP_ROUTES: Record<string, Record<Who, number[]>> = {
  "GET /console/tips/:id": READS,
  "POST /console/tips/:id/note": AGENT_MAY,
  "POST /console/tips/:id/status": AGENT_MAY,
  "POST /console/tips/:id/link": AGENT_MAY,
  "POST /console/tips/:id/assign": SUPERVISOR_ONLY,
  "POST /console/tips/:id/priority": SUPERVISOR_ONLY,
  "POST /console/tips/:id/classification": SUPERVISOR_ONLY,
};

const matrix = authzMatrix({ firstAddress: 60, signedOutAddress: 99 });

/** A valid form for each action: any refusal is the matrix's, not the input's. */
const validForm = async (action: string): Promise<Record<string, string>> => {
  const reason = "matrix";
  switch (action) {
    case "note":
      return { note: "matrix note" };
    case "status":
      return { status: "in_review", reason };
    case "assign":
      return { staffId: "", reason };
    case "priority":
      return { value: "P1", reason };
    case "classification":
      return { value: "unclear", reason };
    default:
      // Another tip routed to X: one every viewer who can see the target can see too, for any target.
      return { linkedTipId: await fileTip(matrix.testApp, tipForX()) };
  }
};

describe.each(Object.entries(PAGES))("%s", (route, expected) => {
  const path = route.split(" ")[1] as string;
  it.each(WHO)("%s", async (who) => {
    expect(await statusOf(await matrix.browsers[who].get(path))).toBe(expected[who]);
  });
});

describe.each(Object.entries(TIP_ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(cellsOf(expected, TIP_TARGETS))("%s on a tip %s: %i", async (who, target, status) => {
    const path = pattern.replace(":id", await tipFor(matrix, target));
    const browser = matrix.browsers[who];
    const answer =
      method === "GET"
        ? await browser.get(path)
        : await browser.post(path, {
            ...csrfOf(matrix, who),
            ...(await validForm(path.split("/").at(-1) as string)),
          });
    expect(await statusOf(answer)).toBe(status);
  });
});

describe("forms without the session's token, or from another site", () => {
  const actions = ["note", "status", "link", "assign", "priority", "classification"];
  it.each(actions)("%s: refused (403) and nothing written", async (action) => {
    const { testApp, browsers, tokens } = matrix;
    const tip = await tipFor(matrix, "routedToX");
    const before = await testApp.exec("select count(*) as n from audit_log where action <> 'tip.view'");
    const path = `/console/tips/${tip}/${action}`;
    const form = await validForm(action);
    const supervisor = browsers.supervisor;
    expect(await statusOf(await supervisor.post(path, form))).toBe(403);
    expect(await statusOf(await supervisor.post(path, { ...form, csrf: "not-the-token" }))).toBe(403);
    expect(await statusOf(await supervisor.post(path, { ...form, csrf: tokens.agentX }))).toBe(403);
    expect(
      await statusOf(
        await supervisor.post(path, { ...form, csrf: tokens.supervisor }, { Origin: "https://evil.example" }),
      ),
    ).toBe(403);
    const after = await testApp.exec("select count(*) as n from audit_log where action <> 'tip.view'");
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
