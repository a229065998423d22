import { consoleCatalogs } from "@balagh/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { errorSummaryOf } from "../fixtures/console.js";
import { fileTip, tipElsewhere } from "../fixtures/console-workspace.js";
import { membersApp } from "../fixtures/members-app.js";
import { groupOf, RULES, rulesForms } from "../fixtures/rules-forms.js";
import type { TestApp } from "../fixtures/test-app.js";

/** The routing rules' dry run (issue 11): "try a sample tip" from answers or from a received tip. */
const fr = consoleCatalogs.fr;

let testApp: TestApp;
const { file, as } = membersApp({ firstAddress: 140 });
const { auditEntries, written, post } = rulesForms(file);

beforeAll(async () => {
  ({ testApp } = file);
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
