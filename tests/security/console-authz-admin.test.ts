import { beforeAll, describe, expect, it } from "vitest";
import { createAgency } from "../../server/src/agencies/records.js";
import { setWebhook } from "../../server/src/agencies/webhook.js";
import { createMember } from "../../server/src/staff/members.js";
import { authzMatrix, cellsOf, csrfOf, MISSING_ID, statusOf, WHO, type Who } from "../fixtures/authz-matrix.js";
import { fileTip, tipForX } from "../fixtures/console-workspace.js";
import { enqueueDelivery } from "../fixtures/deliveries.js";

/**
 * The authorization matrix of the staff and agency pages, written from issue 11 ("Staff (admin)",
 * "Agencies (admin)") and issue 9 ("Roles and scope", "Errors in pages are pages"), not from the code:
 * - only admins run the hotline: every other role gets the 403 page, whether or not the member or
 *   agency named exists (the answer tells them nothing);
 * - no session: a page goes to sign-in (303), a form gets the sign-in page at once (401);
 * - an admin: a page 200; a change 303 back to its page; a creation that shows a secret once (a
 *   temporary password, a webhook secret) or a test event's answer is a page, 201 or 200;
 * - a member, agency or delivery that does not exist: 404.
 * The page that replaces a temporary password belongs to a sign-in in progress only: anyone else
 * goes back to sign-in (303) or gets the sign-in page (401).
 */
type Target = "existing" | "missing";
const TARGETS: Target[] = ["existing", "missing"];

const adminOnly = (page: number, admin: number) => ({
  admin,
  supervisor: 403,
  agentX: 403,
  agentY: 403,
  auditor: 403,
  signedOut: page,
});

/** Routes naming nothing: one status per role. */
const PLAIN: Record<string, Record<Who, number>> = {
  "GET /console/admin/staff": adminOnly(303, 200),
  "GET /console/admin/staff/new": adminOnly(303, 200),
  "POST /console/admin/staff": adminOnly(401, 201),
  "GET /console/admin/agencies": adminOnly(303, 200),
  "GET /console/admin/agencies/new": adminOnly(303, 200),
  "POST /console/admin/agencies": adminOnly(401, 303),
  "GET /console/sign-in/password": {
    admin: 303,
    supervisor: 303,
    agentX: 303,
    agentY: 303,
    auditor: 303,
    signedOut: 303,
  },
  "POST /console/sign-in/password": {
    admin: 401,
    supervisor: 401,
    agentX: 401,
    agentY: 401,
    auditor: 401,
    signedOut: 401,
  },
};

/** [existing, missing] */
const named = (page: number, admin: number) =>
  Object.fromEntries(
    WHO.map((who) => [who, who === "admin" ? [admin, 404] : [adminOnly(page, 0)[who], adminOnly(page, 0)[who]]]),
  ) as Record<Who, number[]>;

const NAMED: Record<string, Record<Who, number[]>> = {
  "GET /console/admin/staff/:member": named(303, 200),
  "POST /console/admin/staff/:member/placement": named(401, 303),
  "POST /console/admin/staff/:member/second-factor": named(401, 303),
  "POST /console/admin/staff/:member/disable": named(401, 303),
  "POST /console/admin/staff/:member/enable": named(401, 303),
  "GET /console/admin/agencies/:agency": named(303, 200),
  "POST /console/admin/agencies/:agency": named(401, 303),
  "POST /console/admin/agencies/:agency/disable": named(401, 303),
  "POST /console/admin/agencies/:agency/enable": named(401, 303),
  "POST /console/admin/agencies/:agency/delete": named(401, 303),
  "POST /console/admin/agencies/:agency/webhook": named(401, 200),
  "POST /console/admin/agencies/:agency/webhook/rotate": named(401, 200),
  "POST /console/admin/agencies/:agency/webhook/clear": named(401, 303),
  "POST /console/admin/agencies/:agency/webhook/test": named(401, 200),
  "GET /console/admin/agencies/:agency/deliveries": named(303, 200),
  "POST /console/admin/agencies/:agency/deliveries/:delivery/retry": named(401, 303),
};

const matrix = authzMatrix({ firstAddress: 70, signedOutAddress: 98 });
let tipId: string;
let serial = 0;

beforeAll(async () => {
  tipId = await fileTip(matrix.testApp, tipForX());
});

/** A fresh member, agency (with a webhook and a dead delivery) for each cell: one cell's change never decides another's. */
const freshMember = async () => {
  const { testApp, ids, clock } = matrix;
  const created = await createMember(
    testApp.db,
    ids.admin,
    { email: `matrix${++serial}@hotline.mr`, role: "auditor", agencyId: "" },
    clock.now(),
  );
  if (!created.ok) throw new Error("member refused");
  return created.id;
};

/**
 * A fresh agency with a webhook (to rotate) and, for the retry route, a dead delivery (a delivery
 * would make a deletion refused). The test event's cell has no address: refused before any
 * connection, so the matrix reaches no network.
 */
const freshAgency = async (route: string) => {
  const { testApp, ids, clock } = matrix;
  const slug = `matrix-agency-${++serial}`;
  const input = { slug, name: "Matrix", kind: "ngo", country: "MR", phone: "", unverified: false, fallback: false };
  const created = await createAgency(testApp.db, ids.admin, input, clock.now());
  if (!created.ok) throw new Error("agency refused");
  const agency = { id: created.id, slug };
  if (!route.endsWith("/webhook/test")) {
    const who = { actor: ids.admin, now: clock.now() };
    await setWebhook(testApp.db, testApp.keys, agency, "https://agency.example/hook", { production: true }, who);
  }
  if (!route.includes(":delivery")) return { id: created.id, delivery: MISSING_ID };
  await enqueueDelivery(testApp, { tipId, slug, at: clock.now() });
  const dead = await testApp.client.execute({
    sql: "update delivery_outbox set status = 'dead' where agency_id = ? returning id",
    args: [created.id],
  });
  return { id: created.id, delivery: String(dead.rows[0]?.id) };
};

const FORMS: Record<string, Record<string, string>> = {
  "/console/admin/staff": { email: "", role: "auditor" },
  placement: { role: "supervisor", agency: "" },
  "/console/admin/agencies": { slug: "", name: "Matrix agency", kind: "ngo", country: "MR" },
  agency: { name: "Matrix agency", kind: "ngo", country: "MR" },
  webhook: { url: "https://agency.example/other" },
};

const formFor = (path: string) => {
  if (path === "/console/admin/staff") return { ...FORMS[path], email: `made${++serial}@hotline.mr` };
  if (path === "/console/admin/agencies") return { ...FORMS[path], slug: `made-${++serial}` };
  const last = path.split("/").at(-1) ?? "";
  if (last === "placement") return FORMS.placement;
  if (last === "webhook") return FORMS.webhook;
  if (path.match(/^\/console\/admin\/agencies\/[^/]+$/)) return FORMS.agency;
  return {};
};

const send = async (who: Who, method: string, path: string) => {
  const browser = matrix.browsers[who];
  if (method === "GET") return statusOf(await browser.get(path));
  return statusOf(await browser.post(path, { ...csrfOf(matrix, who), ...formFor(path) }));
};

describe.each(Object.entries(PLAIN))("%s", (route, expected) => {
  const [method, path] = route.split(" ") as [string, string];
  it.each(WHO)("%s", async (who) => {
    expect(await send(who, method, path)).toBe(expected[who]);
  });
});

describe.each(Object.entries(NAMED))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(cellsOf(expected, TARGETS))("%s on a %s one: %i", async (who, target, status) => {
    let path = pattern;
    if (pattern.includes(":member"))
      path = path.replace(":member", target === "missing" ? MISSING_ID : await freshMember());
    if (pattern.includes(":agency")) {
      const agency = await freshAgency(pattern);
      path = path
        .replace(":agency", target === "missing" && !pattern.includes(":delivery") ? MISSING_ID : agency.id)
        .replace(":delivery", target === "missing" ? MISSING_ID : agency.delivery);
    }
    expect(await send(who, method, path)).toBe(status);
  });
});
