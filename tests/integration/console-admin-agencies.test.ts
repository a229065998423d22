import { consoleCatalogs } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDeliveries } from "../../server/src/delivery/dispatcher.js";
import { type ConsoleBrowser, errorSummaryOf, fieldValue, manualClock } from "../fixtures/console.js";
import { AGENCY_X, addMembers, csrfOf, fileTip, signedInAs, tipForX } from "../fixtures/console-workspace.js";
import { enqueueDelivery } from "../fixtures/deliveries.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { startWebhookReceiver, verifiesWith, type WebhookReceiver } from "../fixtures/webhook-receiver.js";

const fr = consoleCatalogs.fr;
const AGENCIES = "/console/admin/agencies";
/** The Mauritania deployment's fallback, named by most of its rules. */
const FALLBACK = "mr-national-authority";
/** Issue 11: the delivery log is paginated; the page holds 25 lines. */
const PAGE = 25;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let admin: ConsoleBrowser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // Standard Webhooks receivers check the signature's timestamp against their own clock: start at the real time.
  clock = manualClock(new Date());
  // The receiver listens on 127.0.0.1: webhooks as in development, where private addresses are allowed.
  testApp = await createTestApp({ now: clock.now, webhooks: { production: false } });
  receiver = await startWebhookReceiver();
  await addMembers(testApp);
  admin = await signedInAs(testApp, clock.now, "admin", "198.51.100.3");
});

afterAll(async () => {
  await receiver.close();
  await testApp.close();
});

const one = async (sql: string, args: (string | number)[] = []) =>
  (await testApp.client.execute({ sql, args })).rows[0];
const idOf = async (slug: string) => String((await one("select id from agencies where slug = ?", [slug]))?.id);
const agencyRow = (slug: string) => one("select * from agencies where slug = ?", [slug]);
const auditOf = async (action: string, subject: string) =>
  (
    await testApp.client.execute({
      sql: "select details from audit_log where action = ? and subject = ? order by seq",
      args: [action, subject],
    })
  ).rows.map((row) => JSON.parse(String(row.details)));

const post = async (path: string, fields: Record<string, string> = {}, from = path) =>
  admin.post(path, { csrf: await csrfOf(admin, from), ...fields });

const besideField = (html: string, id: string) =>
  html
    .match(new RegExp(`<p class="error-message" id="${id}(?:-error)?">(?:<span[^>]*>[^<]*</span>)?([^<]*)</p>`))?.[1]
    ?.trim();

const agencyFields = (overrides: Record<string, string> = {}) => ({
  slug: "mr-test-agency",
  name: "Agence de test",
  kind: "ngo",
  country: "MR",
  phone: "+222 45 00 00 00",
  ...overrides,
});

const create = async (fields: Record<string, string>) => post(AGENCIES, fields, `${AGENCIES}/new`);

describe("agencies", () => {
  it("lists every agency with its kind, country, fallback and webhook", async () => {
    const page = await (await admin.get(AGENCIES)).text();
    const fallback = page.match(new RegExp(`data-agency="${FALLBACK}"[\\s\\S]*?</li>`))?.[0] ?? "";
    expect(fallback).toContain(fr["agencies.tag.fallback"]);
    expect(fallback).toContain(fr["agencies.webhook.off"]);
    expect(page).toContain(`data-agency="${AGENCY_X}"`);
    expect(page).toContain(fr["agencies.kind.child_protection"]);
  });

  it("refuses a form with bad fields: each message beside its field, values kept, nothing written", async () => {
    const before = await testApp.count("agencies");
    const audits = await testApp.count("audit_log");
    const answer = await create({
      slug: "Bad Slug!",
      name: "",
      kind: "spies",
      country: "Mauritania",
      phone: "9".repeat(41),
    });
    expect(answer.status).toBe(422);
    const page = await answer.text();
    const expected: [string, keyof typeof fr][] = [
      ["slug", "agencies.problem.slugFormat"],
      ["name", "agencies.problem.nameMissing"],
      ["kind", "agencies.problem.kindMissing"],
      ["country", "agencies.problem.countryFormat"],
      ["phone", "agencies.problem.phoneLong"],
    ];
    expect(errorSummaryOf(page)).toEqual(expected.map(([, message]) => fr[message]));
    for (const [field, message] of expected) expect(besideField(page, field)).toBe(fr[message]);
    expect(fieldValue(page, "slug")).toBe("Bad Slug!");
    expect(fieldValue(page, "country")).toBe("Mauritania");
    expect(await testApp.count("agencies")).toBe(before);
    expect(await testApp.count("audit_log")).toBe(audits);
    const taken = await create(agencyFields({ slug: AGENCY_X }));
    expect(besideField(await taken.text(), "slug")).toBe(fr["agencies.problem.slugTaken"]);
  });

  it("creates and edits an agency, each change audited with what it was before and after", async () => {
    const created = await create(agencyFields());
    expect(created.status).toBe(303);
    const id = await idOf("mr-test-agency");
    expect(created.headers.get("Location")).toBe(`${AGENCIES}/${id}?done=create`);
    expect(await auditOf("agency.create", id)).toHaveLength(1);
    const edited = await post(`${AGENCIES}/${id}`, {
      ...agencyFields(),
      name: "Agence de test (Nouakchott)",
      unverified: "yes",
    });
    expect(edited.status).toBe(303);
    const row = await agencyRow("mr-test-agency");
    expect(row?.name).toBe("Agence de test (Nouakchott)");
    expect(Number(row?.unverified)).toBe(1);
    expect(await auditOf("agency.edit", id)).toEqual([
      {
        slug: "mr-test-agency",
        before: { name: "Agence de test", unverified: false },
        after: { name: "Agence de test (Nouakchott)", unverified: true },
      },
    ]);
  });

  it("moves the fallback in one action, and never leaves the hotline without one", async () => {
    const id = await idOf("mr-test-agency");
    const oldId = await idOf(FALLBACK);
    const removed = await post(`${AGENCIES}/${oldId}`, {
      ...agencyFields(),
      name: "Instance nationale",
      kind: "national_authority",
    });
    expect(removed.status).toBe(422);
    expect(besideField(await removed.text(), "fallback")).toBe(fr["agencies.problem.fallbackNeeded"]);
    expect(Number((await agencyRow(FALLBACK))?.is_fallback)).toBe(1);

    const moved = await post(`${AGENCIES}/${id}`, { ...agencyFields(), fallback: "yes" });
    expect(moved.status).toBe(303);
    const fallbacks = await testApp.client.execute("select slug from agencies where is_fallback = 1");
    expect(fallbacks.rows.map((r) => r.slug)).toEqual(["mr-test-agency"]);
    // And back, for the tests after this one.
    const back = await post(`${AGENCIES}/${oldId}`, {
      name: String((await agencyRow(FALLBACK))?.name),
      kind: "national_authority",
      country: "MR",
      fallback: "yes",
    });
    expect(back.status).toBe(303);
    expect(
      (await testApp.client.execute("select slug from agencies where is_fallback = 1")).rows.map((r) => r.slug),
    ).toEqual([FALLBACK]);
  });

  it("keeps the coordinating agency out of law enforcement: it hears of every tip", async () => {
    const id = await idOf(FALLBACK);
    const row = await agencyRow(FALLBACK);
    const answer = await post(`${AGENCIES}/${id}`, {
      name: String(row?.name),
      kind: "police",
      country: "MR",
      fallback: "yes",
    });
    expect(answer.status).toBe(422);
    expect(besideField(await answer.text(), "kind")).toBe(fr["agencies.problem.kindCoordinating"]);
    expect((await agencyRow(FALLBACK))?.kind).toBe("national_authority");
  });

  it("refuses to disable or delete an agency that rules still name, with the names of those rules", async () => {
    const id = await idOf(AGENCY_X);
    const rules = (
      await testApp.client.execute({
        sql: "select name from routing_rules where agency_id = ? order by position",
        args: [id],
      })
    ).rows.map((r) => String(r.name));
    expect(rules.length).toBeGreaterThan(0);
    for (const action of ["disable", "delete"]) {
      const answer = await post(`${AGENCIES}/${id}/${action}`, {}, `${AGENCIES}/${id}`);
      expect(answer.status).toBe(422);
      const message = besideField(await answer.text(), action) ?? "";
      for (const rule of rules) expect(message).toContain(rule);
    }
    const row = await agencyRow(AGENCY_X);
    expect(Number(row?.disabled)).toBe(0);
  });

  it("deletes an agency nothing names; an agency with tips is disabled instead, and routing skips a disabled agency", async () => {
    await create(agencyFields({ slug: "mr-short-lived" }));
    const shortLived = await idOf("mr-short-lived");
    expect(
      (await post(`${AGENCIES}/${shortLived}/delete`, {}, `${AGENCIES}/${shortLived}`)).headers.get("Location"),
    ).toBe(`${AGENCIES}?done=delete`);
    expect(await agencyRow("mr-short-lived")).toBeUndefined();
    expect(await auditOf("agency.delete", shortLived)).toHaveLength(1);

    // A rule sends every tip to the test agency (as the rules page or a deployment file would write it).
    const id = await idOf("mr-test-agency");
    await testApp.client.execute({
      sql: "insert into routing_rules (id, position, name, conditions, agency_id, role) values ('rule-all', -1, 'Tout vers le test', '{}', ?, 'notify')",
      args: [id],
    });
    const routed = await fileTip(testApp, tipForX());
    expect(await one("select 1 as yes from tip_routes where tip_id = ? and agency_id = ?", [routed, id])).toBeDefined();
    await testApp.exec("delete from routing_rules where id = 'rule-all'");

    const kept = await post(`${AGENCIES}/${id}/delete`, {}, `${AGENCIES}/${id}`);
    expect(besideField(await kept.text(), "delete")).toBe(fr["agencies.problem.hasTips"]);
    expect(await agencyRow("mr-test-agency")).toBeDefined();
    expect((await post(`${AGENCIES}/${id}/disable`, {}, `${AGENCIES}/${id}`)).status).toBe(303);
    expect(await auditOf("agency.disable", id)).toEqual([
      { slug: "mr-test-agency", before: { disabled: false }, after: { disabled: true } },
    ]);

    // Disabled with a rule still naming it (a deployment file may say so): no new tip reaches it.
    await testApp.client.execute({
      sql: "insert into routing_rules (id, position, name, conditions, agency_id, role) values ('rule-all', -1, 'Tout vers le test', '{}', ?, 'notify')",
      args: [id],
    });
    const later = await fileTip(testApp, tipForX());
    expect(
      await one("select 1 as yes from tip_routes where tip_id = ? and agency_id = ?", [later, id]),
    ).toBeUndefined();
    expect(await one("select 1 as yes from tip_routes where tip_id = ?", [later])).toBeDefined();
    await testApp.exec("delete from routing_rules where id = 'rule-all'");
  });

  it("writes a change and its audit entry together: an entry that cannot be written leaves the fallback where it was", async () => {
    const id = await idOf(AGENCY_X);
    await testApp.exec(
      "create trigger refuse_edit before insert on audit_log when new.action = 'agency.edit' begin select raise(abort, 'audit refused'); end",
    );
    try {
      const row = await agencyRow(AGENCY_X);
      const answer = await post(`${AGENCIES}/${id}`, {
        name: String(row?.name),
        kind: "child_protection",
        country: "MR",
        fallback: "yes",
      });
      expect(answer.status).toBe(503);
    } finally {
      await testApp.exec("drop trigger refuse_edit");
    }
    expect(
      (await testApp.client.execute("select slug from agencies where is_fallback = 1")).rows.map((r) => r.slug),
    ).toEqual([FALLBACK]);
  });
});

describe("an agency's webhook", () => {
  it("refuses a bad address with the reason beside the field, nothing written", async () => {
    const id = await idOf(AGENCY_X);
    const answer = await post(`${AGENCIES}/${id}/webhook`, { url: "ftp://agency.example/hook" }, `${AGENCIES}/${id}`);
    expect(answer.status).toBe(422);
    const page = await answer.text();
    expect(besideField(page, "url")).toMatch(
      /^Cette adresse est refusée \(raison technique, en anglais : \u2066.*https:\/\/.*\u2069\)$/,
    );
    expect(fieldValue(page, "url")).toBe("ftp://agency.example/hook");
    expect((await agencyRow(AGENCY_X))?.webhook_url).toBeNull();
  });

  it("is set with a secret shown once, answers a signed test event, rotates and clears", async () => {
    const id = await idOf(AGENCY_X);
    const url = receiver.url(AGENCY_X);
    const set = await post(`${AGENCIES}/${id}/webhook`, { url }, `${AGENCIES}/${id}`);
    expect(set.status).toBe(200);
    const secret = (await set.text()).match(/class="setup-key webhook-secret"[^>]*>([^<]+)</)?.[1] ?? "";
    expect(secret).toMatch(/^whsec_/);
    expect((await agencyRow(AGENCY_X))?.webhook_url).toBe(url);
    expect(JSON.stringify(await auditOf("agency.webhook.set", id))).not.toContain(secret.slice(6));
    expect(await (await admin.get(`${AGENCIES}/${id}`)).text()).not.toContain(secret);

    receiver.secrets.set(AGENCY_X, secret);
    const tested = await post(`${AGENCIES}/${id}/webhook/test`, {}, `${AGENCIES}/${id}`);
    const testPage = await tested.text();
    expect(testPage).toContain(fr["agencies.test.ok"].replace("{status}", "204"));
    const ping = receiver.received.at(-1);
    expect(ping?.verified).toBe(true);
    expect(JSON.parse(ping?.body ?? "{}")).toMatchObject({ type: "tip.test", agency: AGENCY_X });

    const rotated = await post(`${AGENCIES}/${id}/webhook/rotate`, {}, `${AGENCIES}/${id}`);
    const newSecret = (await rotated.text()).match(/class="setup-key webhook-secret"[^>]*>([^<]+)</)?.[1] ?? "";
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    // The receiver still holds the old secret: the test event is now refused, and the page says how.
    const refused = await (await post(`${AGENCIES}/${id}/webhook/test`, {}, `${AGENCIES}/${id}`)).text();
    expect(refused).toContain(fr["agencies.test.failed"].replace("{error}", "HTTP 500"));
    expect(verifiesWith(newSecret, receiver.received.at(-1) ?? { headers: {}, body: "" })).toBe(true);
    receiver.secrets.set(AGENCY_X, newSecret);

    const cleared = await post(`${AGENCIES}/${id}/webhook/clear`, {}, `${AGENCIES}/${id}`);
    expect(cleared.status).toBe(303);
    const row = await agencyRow(AGENCY_X);
    expect(row?.webhook_url).toBeNull();
    expect(row?.webhook_secret_sealed).toBeNull();
    expect(await auditOf("agency.webhook.clear", id)).toHaveLength(1);
  });
});

describe("the delivery log", () => {
  it("shows an agency's deliveries newest first, a page at a time, and sends a dead one again", async () => {
    const id = await idOf(AGENCY_X);
    await post(`${AGENCIES}/${id}/webhook`, { url: receiver.url(AGENCY_X) }, `${AGENCIES}/${id}`);
    const secret = (await (await post(`${AGENCIES}/${id}/webhook/rotate`, {}, `${AGENCIES}/${id}`)).text()).match(
      /class="setup-key webhook-secret"[^>]*>([^<]+)</,
    )?.[1];
    receiver.secrets.set(AGENCY_X, secret ?? "");
    const tipId = await fileTip(testApp, tipForX());
    await testApp.exec("delete from delivery_outbox");
    const start = clock.now().getTime();
    for (let i = 0; i < PAGE + 2; i++)
      await enqueueDelivery(testApp, { tipId, slug: AGENCY_X, at: new Date(start + i * 1000) });
    const ids = (
      await testApp.client.execute({ sql: "select id from delivery_outbox order by created_at desc", args: [] })
    ).rows.map((r) => String(r.id));
    const [newest = "", deadOne = ""] = ids;
    await testApp.client.execute({
      sql: "update delivery_outbox set status = 'dead', attempts = 15, last_error = 'HTTP 410' where id = ?",
      args: [deadOne],
    });
    await testApp.client.execute({
      sql: "update delivery_outbox set status = 'delivered', delivered_at = ? where id = ?",
      args: [start, newest],
    });

    const first = await (await admin.get(`${AGENCIES}/${id}/deliveries`)).text();
    const shown = [...first.matchAll(/data-delivery="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(shown.map(([row]) => row)).toEqual(ids.slice(0, PAGE));
    expect(shown[0]?.[1]).toBe("delivered");
    expect(shown[1]?.[1]).toBe("dead");
    expect(shown[2]?.[1]).toBe("pending");
    expect(first).toContain("HTTP 410");
    const older = first.match(/href="([^"]*deliveries\?after=[^"]+)"/)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const second = await (await admin.get(older)).text();
    expect([...second.matchAll(/data-delivery="([^"]+)"/g)].map((m) => m[1])).toEqual(ids.slice(PAGE));

    const retried = await post(`${AGENCIES}/${id}/deliveries/${deadOne}/retry`, {}, `${AGENCIES}/${id}/deliveries`);
    expect(retried.status).toBe(303);
    const row = await one("select status, attempts from delivery_outbox where id = ?", [deadOne]);
    expect(row?.status).toBe("pending");
    expect(Number(row?.attempts)).toBe(0);
    expect(await auditOf("delivery.retry", deadOne)).toHaveLength(1);
    // Only a dead delivery is sent again from here.
    expect(
      (await post(`${AGENCIES}/${id}/deliveries/${newest}/retry`, {}, `${AGENCIES}/${id}/deliveries`)).status,
    ).toBe(404);

    receiver.received.length = 0;
    await runDeliveries({ db: testApp.db, keys: testApp.keys }, { production: false, now: clock.now, limit: 100 });
    expect((await one("select status from delivery_outbox where id = ?", [deadOne]))?.status).toBe("delivered");
    expect(receiver.received.find((r) => r.headers["webhook-id"] === deadOne)?.verified).toBe(true);
  });
});

describe("who may", () => {
  it("keeps the agency pages to admins", async () => {
    const supervisor = await signedInAs(testApp, clock.now, "supervisor", "198.51.100.40");
    expect((await supervisor.get(AGENCIES)).status).toBe(403);
    const id = await idOf(AGENCY_X);
    const answer = await supervisor.post(`${AGENCIES}/${id}/webhook`, {
      csrf: await csrfOf(supervisor),
      url: "https://evil.example/",
    });
    expect(answer.status).toBe(403);
    expect((await agencyRow(AGENCY_X))?.webhook_url).not.toBe("https://evil.example/");
  });
});
