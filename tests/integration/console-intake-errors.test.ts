import { consoleCatalogs, tipSchema } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naughtyStrings } from "../fixtures/blns.js";
import { type ConsoleBrowser, errorSummaryOf, manualClock } from "../fixtures/console.js";
import { addMembers, signedInAs } from "../fixtures/console-workspace.js";
import { escapeText, injectionsIn } from "../fixtures/inert-html.js";
import { type FormEntries, intakeFields, postIntake, withField } from "../fixtures/intake-form.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const fr = consoleCatalogs.fr;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let agent: ConsoleBrowser;

beforeAll(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  await addMembers(testApp);
  agent = await signedInAs(testApp, clock.now, "agentX", "198.51.100.150");
});

afterAll(async () => {
  await testApp.close();
});

/** Everything an intake could write. */
const written = async () => ({
  tips: await testApp.count("tips"),
  routes: await testApp.count("tip_routes"),
  outbox: await testApp.count("delivery_outbox"),
  audit: await testApp.count("audit_log"),
});

/** A caller who is a victim and wants to be contacted: every part of the form is in play. */
const FULL = intakeFields(
  validTip({
    reporterRole: "victim",
    victimConsentPolice: "yes",
    disclosure: "confidential",
    contact: { name: "Aminata", means: "+222 22 11 11 11", safeToContact: "yes", safeTimes: "le matin" },
    people: { count: 3, ageBands: ["12_to_17"], sexes: ["female"], nationalities: ["SN"], languages: "wolof" },
    details: { suspects: "un marabout", vehicles: "une camionnette blanche", boats: "", phoneNumbers: "", places: "" },
    otherCountries: ["SN"],
  }),
  "phone",
);

const TOO_LONG = "x".repeat(501);
const RLO = "texte \u202E inversé";

/** [field whose message must show, what the member sent]; each from issue 11's "Bad input" and the tip schema. */
const BAD: [string, string, FormEntries][] = [
  ["channel", "no channel", withField(FULL, "channel", null)],
  ["channel", "the website's own channel", withField(FULL, "channel", "web")],
  ["language", "a language not offered", withField(FULL, "language", "xx")],
  ["dangerNow", "no answer", withField(FULL, "dangerNow", null)],
  ["reporterRole", "no answer", withField(FULL, "reporterRole", null)],
  ["reporterRole", "an answer not offered", withField(FULL, "reporterRole", "journalist")],
  ["victimConsentPolice", "a victim not asked", withField(FULL, "victimConsentPolice", null)],
  ["country", "no country", withField(FULL, "country", "")],
  ["country", "no such country", withField(FULL, "country", "ZZ")],
  ["region", "too long", withField(FULL, "region", TOO_LONG)],
  ["town", "a right-to-left override", withField(FULL, "town", RLO)],
  ["place", "a NUL character", withField(FULL, "place", "la\u0000plage")],
  ["when", "no answer", withField(FULL, "when", null)],
  ["situations", "a situation not offered", [...FULL, ["situations", "bank_fraud"]]],
  ["childInvolved", "no answer", withField(FULL, "childInvolved", null)],
  ["count", "words", withField(FULL, "count", "beaucoup")],
  ["count", "zero", withField(FULL, "count", "0")],
  ["count", "too many", withField(FULL, "count", "100001")],
  ["ageBands", "an age not offered", [...FULL, ["ageBands", "elderly"]]],
  ["sexes", "a sex not offered", [...FULL, ["sexes", "x"]]],
  ["nationalities", "no such country", [...FULL, ["nationalities", "QQ"]]],
  ["peopleLanguages", "too long", withField(FULL, "peopleLanguages", TOO_LONG)],
  ["indicators", "a sign not offered", [...FULL, ["indicators", "seems_sad"]]],
  ["narrative", "empty", withField(FULL, "narrative", "")],
  ["narrative", "blank", withField(FULL, "narrative", "   \n  ")],
  ["narrative", "too long", withField(FULL, "narrative", "é".repeat(10_001))],
  ["narrative", "a right-to-left override", withField(FULL, "narrative", RLO)],
  ["suspects", "too long", withField(FULL, "suspects", TOO_LONG)],
  ["vehicles", "a bidi isolate", withField(FULL, "vehicles", "4x4 \u2066noir")],
  ["boats", "too long", withField(FULL, "boats", TOO_LONG)],
  ["phoneNumbers", "a byte-order mark", withField(FULL, "phoneNumbers", "\uFEFF+222")],
  ["places", "too long", withField(FULL, "places", TOO_LONG)],
  ["otherCountries", "no such country", [...FULL, ["otherCountries", "XX"]]],
  ["disclosure", "no answer", withField(FULL, "disclosure", null)],
  ["contact", "anonymous, yet contact details", withField(FULL, "disclosure", "anonymous")],
  ["contactName", "too long", withField(FULL, "contactName", TOO_LONG)],
  ["contactMeans", "a name but no way to reach them", withField(FULL, "contactMeans", "")],
  ["safeToContact", "a way to reach them but not whether it is safe", withField(FULL, "safeToContact", null)],
  ["safeTimes", "too long", withField(FULL, "safeTimes", TOO_LONG)],
];

const TEXT_FIELDS = [
  "region",
  "town",
  "place",
  "peopleLanguages",
  "narrative",
  "suspects",
  "vehicles",
  "contactName",
  "contactMeans",
  "safeTimes",
];

/** The value a text field shows back: in its input's value, or as a textarea's content. */
const keptText = (html: string, value: string) => html.includes(escapeText(value));

describe("bad input to the intake form", () => {
  it("the full form itself is accepted (so each refusal below is its field's)", async () => {
    const answer = await postIntake(testApp, agent, FULL);
    expect(answer.status).toBe(201);
  });

  it.each(BAD)(
    "%s, %s: the form again, the message beside the field, values kept, nothing written",
    async (field, _, entries) => {
      const before = await written();
      const answer = await postIntake(testApp, agent, entries);
      expect(answer.status).toBe(422);
      const html = await answer.text();
      // Beside the field, and in the summary linking to it.
      expect(html).toMatch(new RegExp(`id="${field}-error"`));
      expect(html).toContain(`href="#${field}"`);
      expect(html).toMatch(new RegExp(`id="${field}"`));
      expect(errorSummaryOf(html).length).toBeGreaterThan(0);
      // What was typed and chosen comes back, the refused value too (to be corrected, not typed again).
      for (const [name, value] of entries) {
        if (TEXT_FIELDS.includes(name) && value.trim() !== "" && !value.includes("\u0000")) {
          expect(keptText(html, value), name).toBe(true);
        }
      }
      if (entries.some(([n, v]) => n === "reporterRole" && v === "victim"))
        expect(html).toMatch(/value="victim" checked/);
      expect(html).toMatch(/name="situations"[^>]*value="child_forced_begging" checked/);
      expect(await written()).toEqual(before);
    },
  );

  it("a form sent without its id (an old page) comes back with a new one, said at the top", async () => {
    const before = await written();
    const answer = await postIntake(testApp, agent, FULL, { tipId: "not-a-form-id" });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain(fr["intake.error.stale"]);
    expect(html).toMatch(/name="tipId" value="[0-9a-f-]{36}"/);
    expect(await written()).toEqual(before);
  });
});

describe("the naughty strings", () => {
  it("each as the narrative: accepted and stored as typed when the tip schema accepts it, else refused beside the field; inert either way", async () => {
    let accepted = 0;
    let refused = 0;
    for (const text of naughtyStrings()) {
      const before = await written();
      const entries = withField(FULL, "narrative", text);
      const answer = await postIntake(testApp, agent, entries);
      const html = await answer.text();
      expect(injectionsIn(html), text).toEqual([]);
      const valid = tipSchema.safeParse({ ...validTip(), narrative: text }).success;
      if (valid) {
        expect(answer.status, text).toBe(201);
        accepted++;
        const id = String((await testApp.exec("select id from tips order by rowid desc limit 1")).rows[0]?.id);
        const page = await (await agent.get(`/console/tips/${id}`)).text();
        expect(injectionsIn(page), text).toEqual([]);
        expect(page, text).toContain(escapeText(text));
      } else {
        expect(answer.status, text).toBe(422);
        expect(html, text).toContain('id="narrative-error"');
        expect(await written(), text).toEqual(before);
        refused++;
      }
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(0);
  }, 240_000);
});
