import { consoleCatalogs } from "@balagh/shared";
import { beforeAll, describe, expect, it } from "vitest";
import mauritania from "../../server/src/deployments/mauritania.json" with { type: "json" };
import { type ConsoleBrowser, errorSummaryOf } from "../fixtures/console.js";
import { csrfOf, fileTip, tipElsewhere } from "../fixtures/console-workspace.js";
import { membersApp } from "../fixtures/members-app.js";
import type { TestApp } from "../fixtures/test-app.js";

const fr = consoleCatalogs.fr;
const RULES = "/console/admin/rules";

let testApp: TestApp;

const { file, as } = membersApp({ firstAddress: 120 });

beforeAll(async () => {
  ({ testApp } = file);
});
const agencyId = async (slug: string) =>
  String((await testApp.exec(`select id from agencies where slug = '${slug}'`)).rows[0]?.id);

const routesOf = async (tipId: string) =>
  (
    await testApp.exec(
      `select a.slug, r.role, r.rule_id from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}' order by a.slug`,
    )
  ).rows.map((r) => ({
    slug: String(r.slug),
    role: String(r.role),
    ruleId: r.rule_id === null ? null : String(r.rule_id),
  }));

const ruleIdNamed = async (name: string) =>
  String(
    (await testApp.exec({ sql: "select id from routing_rules where name = ?", args: [name] } as never)).rows[0]?.id,
  );

const auditEntries = async (action: string, subject: string) =>
  (
    await testApp.exec({
      sql: "select actor, details from audit_log where action = ? and subject = ? order by seq",
      args: [action, subject],
    } as never)
  ).rows.map((r) => ({ actor: String(r.actor), details: JSON.parse(String(r.details)) }));

/** Everything an edit or a dry run could write. */
const written = async () => ({
  rules: (await testApp.exec("select * from routing_rules order by position, id")).rows,
  tips: await testApp.count("tips"),
  routes: await testApp.count("tip_routes"),
  outbox: await testApp.count("delivery_outbox"),
  audit: await testApp.count("audit_log"),
});

const post = async (browser: ConsoleBrowser, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ csrf: await csrfOf(browser, RULES) });
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return testApp.app.request(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "http://localhost:8787",
      Cookie: [...browser.jar].map(([n, v]) => `${n}=${v}`).join("; "),
      "X-Test-Client-Address": "198.51.100.200",
    },
    body: body.toString(),
  });
};

/** The form-group that holds a field, with its message beside the input. */
const groupOf = (html: string, id: string) =>
  html.match(
    new RegExp(`<div class="form-group form-group--error">(?:(?!<div class="form-group).)*?id="${id}"`, "s"),
  )?.[0] ?? "";

describe("the rules page", () => {
  it("lists every rule in order, with its agency and its conditions in plain words", async () => {
    const page = await (await (await as("admin")).get(RULES)).text();
    const positions = mauritania.rules.map((r) => page.indexOf(r.name.replaceAll("'", "&#39;")));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Rule 4 of the file: slavery by descent, to the national authority.
    expect(page).toContain(
      fr["rules.cond.situationsAny"].replace("{values}", fr["queue.situation.slavery_by_descent"]),
    );
    expect(page).toContain(fr["rules.cond.priorities"].replace("{values}", "P2, P3"));
    expect(page).toContain("Instance nationale de lutte contre la traite des personnes");
    expect(page).toContain(`${RULES}/new`);
    expect(page).toContain("/move");
  });

  it("links a stylesheet of its own that the console serves, cacheable for good (CSP: no inline style)", async () => {
    const page = await (await (await as("admin")).get(RULES)).text();
    const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => String(m[1]));
    const own = sheets.find((href) => href.startsWith(`${RULES}/assets/`));
    expect(own).toBeDefined();
    const answer = await testApp.app.request(String(own));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toMatch(/^text\/css/);
    expect(answer.headers.get("Cache-Control")).toContain("immutable");
    expect(page).not.toMatch(/ style="/);
  });

  it("is read-only for supervisors: no button, and a change is refused with 403", async () => {
    const supervisor = await as("supervisor");
    const page = await (await supervisor.get(RULES)).text();
    expect(page).toContain(fr["rules.readOnly"]);
    expect(page).not.toContain("/move");
    expect(page).not.toContain(`${RULES}/new`);
    const before = await written();
    const answer = await post(supervisor, RULES, { name: "x", agencyId: await agencyId("mr-police"), role: "notify" });
    expect(answer.status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it("shows the coverage flags of the rules intake runs now", async () => {
    const admin = await as("admin");
    expect(await (await admin.get(RULES)).text()).not.toContain(fr["rules.coverage.problem.caught_only_by_fallback"]);
    await testApp.exec("update routing_rules set enabled = 0 where name like 'Information (P3)%'");
    const page = await (await admin.get(RULES)).text();
    await testApp.exec("update routing_rules set enabled = 1 where name like 'Information (P3)%'");
    // Without the P3 rule, an adult's P3 tip reaches only the fallback agency (the coverage problems).
    expect(page).toContain(fr["rules.coverage.problem.caught_only_by_fallback"]);
  });
});

describe("a change to the rules", () => {
  it("is refused, field by field, with the values kept and nothing written", async () => {
    const admin = await as("admin");
    await testApp.exec("update agencies set disabled = 1 where slug = 'mr-ngo-child-partner'");
    const before = await written();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ agencyId: "no-such-agency" }, "rule-agencyId", fr["rules.error.agency_unknown"]],
      [{ agencyId: await agencyId("mr-ngo-child-partner") }, "rule-agencyId", fr["rules.error.agency_disabled"]],
      [
        { situationsAny: ["child_forced_begging", "not_a_situation"] },
        "rule-situationsAny",
        fr["rules.error.value_unknown"],
      ],
      [{ countries: "MR mauritanie" }, "rule-countries", fr["rules.error.countries"]],
      [{ name: " " }, "rule-name", fr["rules.error.name_missing"]],
      // A right-to-left override would make the name read otherwise than it is stored ("Trojan source").
      [{ name: "Pêche \u202e: refuge" }, "rule-name", fr["rules.error.name_control"]],
    ];
    for (const [patch, field, message] of cases) {
      const answer = await post(admin, RULES, {
        name: "Talibés à Rosso",
        agencyId: await agencyId("mr-ngo-shelter"),
        role: "notify",
        situationsAny: ["child_forced_begging"],
        ...patch,
      });
      expect(answer.status).toBe(422);
      const html = await answer.text();
      expect(errorSummaryOf(html)).toEqual([message]);
      expect(groupOf(html, field)).toContain(`id="${field}-error"`);
      expect(groupOf(html, field)).toContain(message);
      if (!patch.name) expect(html).toContain('value="Talibés à Rosso"');
      expect(html).toMatch(/value="child_forced_begging" checked/);
    }
    expect(await written()).toEqual(before);
    await testApp.exec("update agencies set disabled = 0 where slug = 'mr-ngo-child-partner'");
  });

  it("changes the routes of the next tip and not of earlier ones, audited with a before and after", async () => {
    const admin = await as("admin");
    const earlier = await fileTip(testApp, tipElsewhere());
    const earlierRoutes = await routesOf(earlier);
    expect(earlierRoutes.map((r) => r.slug)).not.toContain("mr-ngo-shelter");

    const created = await post(admin, RULES, {
      name: "Pêche : refuge",
      agencyId: await agencyId("mr-ngo-shelter"),
      role: "notify",
      situationsAny: ["forced_labour_fishing"],
      child: "no",
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("Location")).toBe(`${RULES}?done=create`);
    const ruleId = await ruleIdNamed("Pêche : refuge");
    const [creation] = await auditEntries("rule.create", ruleId);
    expect(creation?.details).toMatchObject({
      before: null,
      after: {
        name: "Pêche : refuge",
        agency: "mr-ngo-shelter",
        role: "notify",
        conditions: { situationsAny: ["forced_labour_fishing"], child: false },
        enabled: true,
        position: mauritania.rules.length,
      },
    });

    const next = await fileTip(testApp, tipElsewhere());
    expect(await routesOf(next)).toContainEqual({ slug: "mr-ngo-shelter", role: "notify", ruleId });
    expect(await routesOf(earlier)).toEqual(earlierRoutes);

    const edited = await post(admin, `${RULES}/${ruleId}`, {
      name: "Pêche : OIM",
      agencyId: await agencyId("iom-mauritania"),
      role: "primary",
      situationsAny: ["forced_labour_fishing"],
    });
    expect(edited.status).toBe(303);
    const [update] = await auditEntries("rule.update", ruleId);
    expect(update?.details).toMatchObject({
      changed: ["name", "agency", "role", "conditions"],
      before: { name: "Pêche : refuge", agency: "mr-ngo-shelter", role: "notify" },
      after: {
        name: "Pêche : OIM",
        agency: "iom-mauritania",
        role: "primary",
        conditions: { situationsAny: ["forced_labour_fishing"] },
      },
    });
    const after = await fileTip(testApp, tipElsewhere());
    expect(await routesOf(after)).toContainEqual({ slug: "iom-mauritania", role: "primary", ruleId });
    expect((await routesOf(next)).map((r) => r.slug)).toContain("mr-ngo-shelter");

    const off = await post(admin, `${RULES}/${ruleId}/enabled`, { enabled: "no" });
    expect(off.headers.get("Location")).toBe(`${RULES}?done=off`);
    expect((await auditEntries("rule.disable", ruleId))[0]?.details).toMatchObject({
      before: { enabled: true },
      after: { enabled: false },
    });
    const whileOff = await fileTip(testApp, tipElsewhere());
    expect((await routesOf(whileOff)).map((r) => r.ruleId)).not.toContain(ruleId);
    expect(await (await admin.get(RULES)).text()).toContain(fr["rules.off"]);

    const deleted = await post(admin, `${RULES}/${ruleId}/delete`, {});
    expect(deleted.status).toBe(303);
    expect((await auditEntries("rule.delete", ruleId))[0]?.details).toMatchObject({
      before: { name: "Pêche : OIM" },
      after: null,
    });
    expect(await testApp.count("routing_rules")).toBe(mauritania.rules.length);
    // The tips it routed keep their routes.
    expect(await routesOf(after)).toContainEqual({ slug: "iom-mauritania", role: "primary", ruleId });
  });

  it("moves a rule up and down, in one audited change", async () => {
    const admin = await as("admin");
    const names = async () =>
      (await testApp.exec("select name from routing_rules order by position")).rows.map((r) => String(r.name));
    const [first, second] = await names();
    const secondId = await ruleIdNamed(String(second));
    const up = await post(admin, `${RULES}/${secondId}/move`, { direction: "up" });
    expect(up.headers.get("Location")).toBe(`${RULES}?done=move`);
    expect((await names()).slice(0, 2)).toEqual([second, first]);
    expect((await auditEntries("rule.move", secondId))[0]?.details).toMatchObject({
      before: { position: 1 },
      after: { position: 0 },
    });
    const page = await (await admin.get(RULES)).text();
    expect(page.indexOf(String(second))).toBeLessThan(page.indexOf(String(first)));
    await post(admin, `${RULES}/${secondId}/move`, { direction: "down" });
    expect((await names()).slice(0, 2)).toEqual([first, second]);
    // The first rule moved up stays first.
    await post(admin, `${RULES}/${await ruleIdNamed(String(first))}/move`, { direction: "up" });
    expect((await names())[0]).toBe(first);
  });

  it("answers 404 for a rule that does not exist", async () => {
    const admin = await as("admin");
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await admin.get(`${RULES}/${missing}/edit`)).status).toBe(404);
    expect((await post(admin, `${RULES}/${missing}/delete`, {})).status).toBe(404);
  });
});

const sampleAnswers = {
  dangerNow: "no",
  reporterRole: "victim",
  victimConsentPolice: "no",
  country: "MR",
  region: "Nouadhibou",
  when: "last_7_days",
  situations: ["forced_labour_fishing"],
  childInvolved: "no",
  indicators: ["wages_withheld"],
  narrative: "Je travaille sur un bateau de pêche sans salaire depuis des mois.",
  disclosure: "anonymous",
  language: "fr",
};

describe("trying a sample tip", () => {
  it("shows triage, the rules that fired, what the safeguards did and the routes, and writes nothing", async () => {
    const supervisor = await as("supervisor");
    const before = await written();
    const answer = await post(supervisor, `${RULES}/try`, sampleAnswers);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(await written()).toEqual(before);
    expect(html).toContain(fr["rules.try.nothingSaved"]);
    // DOMAIN.md: an adult victim who refused police: police is held back and the rule that named it says so.
    expect(html).toContain("Adult forced labour: police, with the victim&#39;s consent");
    expect(html).toContain(fr["rules.try.outcome.withheld"]);
    expect(html).toContain(fr["rules.try.withheldReason"]);
    const routes = html.slice(html.indexOf(fr["rules.try.routes"]));
    expect(routes).toContain("Inspection du travail");
    expect(routes).not.toContain("Police nationale");
    // The values stay in the form.
    expect(html).toMatch(/value="forced_labour_fishing" checked/);

    // The same answers filed through the API reach the same agencies.
    const filed = await fileTip(testApp, {
      language: "fr",
      dangerNow: "no",
      reporterRole: "victim",
      victimConsentPolice: "no",
      location: { country: "MR", region: "Nouadhibou" },
      when: "last_7_days",
      situations: ["forced_labour_fishing"],
      childInvolved: "no",
      indicators: ["wages_withheld"],
      narrative: sampleAnswers.narrative,
      disclosure: "anonymous",
    });
    const names = (
      await testApp.exec(
        `select a.name from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${filed}'`,
      )
    ).rows.map((r) => String(r.name));
    for (const name of names) expect(routes).toContain(name.replaceAll("'", "&#39;"));
  });

  it("refuses incomplete answers beside each field, values kept, nothing written", async () => {
    const admin = await as("admin");
    const before = await written();
    const answer = await post(admin, `${RULES}/try`, { ...sampleAnswers, narrative: "", reporterRole: "witness" });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(errorSummaryOf(html)).toEqual([fr["rules.try.error.narrative"]]);
    expect(groupOf(html, "try-narrative")).toContain('id="try-narrative-error"');
    expect(html).toMatch(/value="witness" checked/);
    // The police question is for the victim alone, as the API says.
    const consent = await post(admin, `${RULES}/try`, { ...sampleAnswers, reporterRole: "witness" });
    expect(errorSummaryOf(await consent.text())).toEqual([fr["rules.try.error.consent"]]);
    expect(await written()).toEqual(before);
  });

  it("starts from a received tip's answers for a supervisor, audited as a look at that tip", async () => {
    const supervisor = await as("supervisor");
    const tipId = await fileTip(testApp, tipElsewhere());
    const looks = (await auditEntries("tip.view", tipId)).length;
    const answer = await post(supervisor, `${RULES}/try/tip`, { tipId });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain(fr["rules.try.fromTip"].replace("{id}", tipId));
    expect(html).toContain(tipElsewhere().narrative);
    expect(await auditEntries("tip.view", tipId)).toHaveLength(looks + 1);
    const routes = html.slice(html.indexOf(fr["rules.try.routes"]));
    const stored = (
      await testApp.exec(
        `select a.name from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = '${tipId}'`,
      )
    ).rows.map((r) => String(r.name));
    for (const name of stored) expect(routes).toContain(name.replaceAll("'", "&#39;"));

    const missing = await post(supervisor, `${RULES}/try/tip`, { tipId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(422);
    expect(errorSummaryOf(await missing.text())).toEqual([fr["rules.try.error.tipId"]]);
    // Admins read no tip (README, "What each role can see").
    expect((await post(await as("admin"), `${RULES}/try/tip`, { tipId })).status).toBe(403);
  });
});
