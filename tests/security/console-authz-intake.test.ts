import { describe, expect, it } from "vitest";
import { authzMatrix, cellsOf, statusOf, TIP_TARGETS, tipFor, WHO, type Who } from "../fixtures/authz-matrix.js";
import { intakeFields } from "../fixtures/intake-form.js";
import { HOTLINE } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

/**
 * The authorization matrix of phone intake, the queue's channel filter and re-routing, written from
 * issue 11 ("Phone and walk-in intake (supervisors and agents)") and issue 9 ("supervisor: … assign,
 * re-route, override"; "out of scope = 404 like missing"; "errors in pages are pages"), not from the code:
 * - intake: supervisors and agency officers; admins and auditors 403; a form entered answers 201
 *   with the receipt page; no session: a page goes to sign-in (303), a form gets it at once (401);
 * - the queue filtered by channel: like the queue (admins and auditors have a page saying they read no tip);
 * - re-routing a tip: supervisors only; an agent on a tip routed to their agency 403; a tip out of
 *   scope or missing 404 whatever the role; a change made answers 303.
 */
const PAGES: Record<string, Record<Who, number>> = {
  "GET /console/intake": { admin: 403, supervisor: 200, agentX: 200, agentY: 200, auditor: 403, signedOut: 303 },
  "POST /console/intake": { admin: 403, supervisor: 201, agentX: 201, agentY: 201, auditor: 403, signedOut: 401 },
  "GET /console?channel=phone": { admin: 200, supervisor: 200, agentX: 200, agentY: 200, auditor: 200, signedOut: 303 },
};

// [routed to X, routed elsewhere, missing]
const TIP_ROUTES: Record<string, Record<Who, number[]>> = {
  "GET /console/tips/:id/agencies": {
    admin: [404, 404, 404],
    supervisor: [200, 200, 404],
    agentX: [403, 404, 404],
    agentY: [404, 404, 404],
    auditor: [404, 404, 404],
    signedOut: [303, 303, 303],
  },
  "POST /console/tips/:id/agencies": {
    admin: [404, 404, 404],
    supervisor: [303, 303, 404],
    agentX: [403, 404, 404],
    agentY: [404, 404, 404],
    auditor: [404, 404, 404],
    signedOut: [401, 401, 401],
  },
};

const matrix = authzMatrix({ firstAddress: 180, signedOutAddress: 199 });
const { browsers, tokens } = matrix;

/** A form as the browser sends it, names repeated for the answers that take several. */
const post = (who: Who, path: string, entries: [string, string][], extra: Record<string, string> = {}) => {
  const cookie = who === "signedOut" ? "" : [...browsers[who].jar].map(([n, v]) => `${n}=${v}`).join("; ");
  return matrix.testApp.app.request(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: HOTLINE,
      "X-Test-Client-Address": "198.51.100.201",
      ...(cookie ? { Cookie: cookie } : {}),
      ...extra,
    },
    body: new URLSearchParams(entries).toString(),
  });
};

const csrf = (who: Who): [string, string][] => (who === "signedOut" ? [] : [["csrf", tokens[who]]]);
const intakeForm = (): [string, string][] => [["tipId", crypto.randomUUID()], ...intakeFields(validTip(), "phone")];
const rerouteForm = (): [string, string][] => [
  ["change", "add"],
  ["agency", "iom-mauritania"],
  ["role", "notify"],
  ["reason", "matrix"],
];

describe.each(Object.entries(PAGES))("%s", (route, expected) => {
  const [method, path] = route.split(" ") as [string, string];
  it.each(WHO)("%s", async (who) => {
    const answer =
      method === "GET" ? await browsers[who].get(path) : await post(who, path, [...csrf(who), ...intakeForm()]);
    expect(await statusOf(answer)).toBe(expected[who]);
  });
});

describe.each(Object.entries(TIP_ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(cellsOf(expected, TIP_TARGETS))("%s on a tip %s: %i", async (who, target, status) => {
    const path = pattern.replace(":id", await tipFor(matrix, target));
    const answer =
      method === "GET" ? await browsers[who].get(path) : await post(who, path, [...csrf(who), ...rerouteForm()]);
    expect(await statusOf(answer)).toBe(status);
  });
});

describe("forms without the session's token, or from another site", () => {
  const FORMS: [string, () => Promise<{ path: string; entries: [string, string][] }>][] = [
    ["intake", async () => ({ path: "/console/intake", entries: intakeForm() })],
    [
      "re-routing",
      async () => ({ path: `/console/tips/${await tipFor(matrix, "routedToX")}/agencies`, entries: rerouteForm() }),
    ],
  ];
  it.each(FORMS)("%s: refused (403) and nothing written", async (_, form) => {
    const { path, entries } = await form();
    const count = async () =>
      (await matrix.testApp.exec("select (select count(*) from tips) + (select count(*) from tip_routes) as n")).rows[0]
        ?.n;
    const before = await count();
    expect(await statusOf(await post("supervisor", path, entries))).toBe(403);
    expect(await statusOf(await post("supervisor", path, [["csrf", "not-the-token"], ...entries]))).toBe(403);
    expect(await statusOf(await post("supervisor", path, [["csrf", tokens.agentX], ...entries]))).toBe(403);
    expect(
      await statusOf(
        await post("supervisor", path, [["csrf", tokens.supervisor], ...entries], { Origin: "https://evil.example" }),
      ),
    ).toBe(403);
    expect(await count()).toBe(before);
  });
});
