import { consoleCatalogs } from "@balagh/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, errorSummaryOf, type manualClock } from "../fixtures/console.js";
import { AGENCY_Y, csrfOf, fileTip, type MemberName, tipForX } from "../fixtures/console-workspace.js";
import { membersApp } from "../fixtures/members-app.js";
import type { TestApp } from "../fixtures/test-app.js";

const fr = consoleCatalogs.fr;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let ids: Record<MemberName, string>;

const { file, as } = membersApp({ firstAddress: 160 });

beforeAll(async () => {
  ({ testApp, clock, ids } = file);
  await testApp.exec("update agencies set webhook_url = 'https://hooks.example.mr/balagh'");
});

const page = (tipId: string) => `/console/tips/${tipId}/agencies`;

const reroute = async (browser: ConsoleBrowser, tipId: string, fields: Record<string, string>) =>
  browser.post(page(tipId), { csrf: await csrfOf(browser, `/console/tips/${tipId}`), ...fields });

const routesOf = async (tipId: string) =>
  (
    await testApp.exec({
      sql: "select a.slug || ':' || r.role as route from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = ? order by 1",
      args: [tipId],
    } as never)
  ).rows.map((r) => String(r.route));

const outboxOf = async (tipId: string, slug: string) =>
  (
    await testApp.exec({
      sql: "select o.event, o.status, o.payload from delivery_outbox o join agencies a on a.id = o.agency_id where o.tip_id = ? and a.slug = ?",
      args: [tipId, slug],
    } as never)
  ).rows.map((r) => ({ event: r.event, status: r.status, payload: JSON.parse(String(r.payload)) }));

const auditOf = async (tipId: string) =>
  (
    await testApp.exec({
      sql: "select actor, action, details, at from audit_log where subject = ? and action like 'tip.route.%' order by seq",
      args: [tipId],
    } as never)
  ).rows.map((r) => ({ actor: r.actor, action: r.action, details: JSON.parse(String(r.details)), at: Number(r.at) }));

/** Everything a re-routing could write. */
const written = async (tipId: string) => ({
  routes: await routesOf(tipId),
  outbox: await testApp.count("delivery_outbox"),
  audit: (await testApp.exec("select count(*) as n from audit_log where action <> 'tip.view'")).rows[0]?.n,
});

describe("adding an agency to a tip", () => {
  it("routes the tip to it, sends it the tip, opens the tip to its officers, and is audited with the reason", async () => {
    const tipId = await fileTip(testApp, tipForX());
    expect(await routesOf(tipId)).not.toContain(`${AGENCY_Y}:notify`);
    const agentY = await as("agentY");
    expect((await agentY.get(`/console/tips/${tipId}`)).status).toBe(404);

    const supervisor = await as("supervisor");
    clock.advance(60_000);
    const answer = await reroute(supervisor, tipId, {
      change: "add",
      agency: AGENCY_Y,
      role: "notify",
      reason: "Des enfants seraient embarqués sur une pirogue",
    });
    expect(answer.status).toBe(303);
    expect(await (await supervisor.follow(answer)).text()).toContain(fr["reroute.done"]);

    expect(await routesOf(tipId)).toContain(`${AGENCY_Y}:notify`);
    const sent = await outboxOf(tipId, AGENCY_Y);
    expect(sent).toHaveLength(1);
    // For the added agency the tip is new: it is announced as at intake, with its part in it.
    expect(sent[0]?.event).toBe("tip.routed");
    expect(sent[0]?.payload.tip).toMatchObject({ id: tipId, role: "notify" });
    expect(JSON.stringify(sent[0]?.payload)).not.toContain("pirogue");
    const workspace = await (await agentY.get(`/console/tips/${tipId}`)).text();
    expect(workspace).toContain(`duty@hotline.mr</strong> ${fr["reroute.event.add"]}`);

    expect(await auditOf(tipId)).toEqual([
      {
        actor: ids.supervisor,
        action: "tip.route.add",
        details: { agency: AGENCY_Y, role: "notify", reason: "Des enfants seraient embarqués sur une pirogue" },
        at: clock.now().getTime(),
      },
    ]);
  });
});

describe("removing an agency from a tip", () => {
  it("takes the route away with its undelivered announcement, and is audited", async () => {
    const tipId = await fileTip(testApp, tipForX());
    expect(await routesOf(tipId)).toContain("mr-ngo-child-partner:notify");
    expect(await outboxOf(tipId, "mr-ngo-child-partner")).toHaveLength(1);
    const supervisor = await as("supervisor");
    const answer = await reroute(supervisor, tipId, {
      change: "remove",
      agency: "mr-ngo-child-partner",
      reason: "Hors de sa zone",
    });
    expect(answer.status).toBe(303);
    expect(await routesOf(tipId)).not.toContain("mr-ngo-child-partner:notify");
    expect(await outboxOf(tipId, "mr-ngo-child-partner")).toEqual([]);
    const audit = await auditOf(tipId);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["tip.route.remove", { agency: "mr-ngo-child-partner", role: "notify", reason: "Hors de sa zone" }],
    ]);
  });

  it("may remove one of two agencies acting on the tip, but never the last one", async () => {
    const tipId = await fileTip(testApp, tipForX());
    const primaries = (await routesOf(tipId)).filter((r) => r.endsWith(":primary"));
    expect(primaries).toEqual(["mr-child-protection:primary", "mr-police:primary"]);
    const supervisor = await as("supervisor");
    const first = await reroute(supervisor, tipId, { change: "remove", agency: "mr-police", reason: "Pas de danger" });
    expect(first.status).toBe(303);

    const before = await written(tipId);
    const last = await reroute(supervisor, tipId, {
      change: "remove",
      agency: "mr-child-protection",
      reason: "Essai",
    });
    expect(last.status).toBe(422);
    const html = await last.text();
    expect(errorSummaryOf(html)).toEqual([fr["reroute.error.lastPrimary"]]);
    expect(html).toContain('id="agency-error"');
    expect(await written(tipId)).toEqual(before);
  });
});

describe("refused changes: the form again, the message beside the field, values kept, nothing written", () => {
  const CASES: [string, Record<string, string>, string, string][] = [
    [
      "removing the coordinating agency",
      { change: "remove", agency: "mr-national-authority", reason: "Essai de retrait" },
      "agency",
      fr["reroute.error.coordinating"],
    ],
    [
      "adding an agency the tip already has",
      { change: "add", agency: "mr-child-protection", role: "notify", reason: "Essai d'ajout" },
      "agency",
      fr["reroute.error.already"],
    ],
    [
      "removing an agency the tip does not have",
      { change: "remove", agency: AGENCY_Y, reason: "Essai de retrait" },
      "agency",
      fr["reroute.error.notRouted"],
    ],
    [
      "an agency that does not exist",
      { change: "add", agency: "nowhere", role: "notify", reason: "Essai d'ajout" },
      "agency",
      fr["reroute.error.agency"],
    ],
    [
      "neither add nor remove",
      { agency: AGENCY_Y, role: "notify", reason: "Essai sans choix" },
      "change",
      fr["reroute.error.change"],
    ],
    [
      "no reason",
      { change: "add", agency: AGENCY_Y, role: "notify", reason: "  " },
      "reason",
      fr["tip.error.emptyReason"],
    ],
    [
      "a reason with a right-to-left override",
      { change: "add", agency: AGENCY_Y, role: "notify", reason: "raison \u202E cachée" },
      "reason",
      fr["tip.error.control"],
    ],
    [
      "a part that is not offered",
      { change: "add", agency: AGENCY_Y, role: "owner", reason: "Essai de rôle" },
      "role",
      fr["tip.error.choice"],
    ],
  ];

  it.each(CASES)("%s", async (_, fields, field, message) => {
    const tipId = await fileTip(testApp, tipForX());
    const before = await written(tipId);
    const answer = await reroute(await as("supervisor"), tipId, fields);
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(errorSummaryOf(html)).toEqual([message]);
    expect(html).toContain(`id="${field}-error"`);
    if (fields.reason?.trim()) expect(html).toContain(fields.reason.replaceAll("'", "&#39;"));
    if (fields.agency === AGENCY_Y) expect(html).toMatch(new RegExp(`<option value="${AGENCY_Y}" selected`));
    expect(await written(tipId)).toEqual(before);
  });
});
