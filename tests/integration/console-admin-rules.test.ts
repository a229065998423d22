import { consoleCatalogs } from "@balagh/shared";
import { beforeAll, describe, expect, it } from "vitest";
import mauritania from "../../server/src/deployments/mauritania.json" with { type: "json" };
import { errorSummaryOf } from "../fixtures/console.js";
import { fileTip, tipElsewhere } from "../fixtures/console-workspace.js";
import { membersApp } from "../fixtures/members-app.js";
import { groupOf, RULES, rulesForms } from "../fixtures/rules-forms.js";
import type { TestApp } from "../fixtures/test-app.js";

const fr = consoleCatalogs.fr;

let testApp: TestApp;

const { file, as } = membersApp({ firstAddress: 120 });
const { auditEntries, written, post } = rulesForms(file);

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
