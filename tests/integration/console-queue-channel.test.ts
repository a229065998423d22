import { consoleCatalogs } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHotlineSettings, writeHotlineSettings } from "../../server/src/settings/hotline.js";
import { type ConsoleBrowser, errorSummaryOf, manualClock } from "../fixtures/console.js";
import { addMembers, fileTip, signedInAs } from "../fixtures/console-workspace.js";
import { intakeFields, postIntake } from "../fixtures/intake-form.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const fr = consoleCatalogs.fr;
const MINUTE = 60_000;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let supervisor: ConsoleBrowser;
const made: Record<string, string> = {};

const newestTipId = async () =>
  String((await testApp.exec("select id from tips order by rowid desc limit 1")).rows[0]?.id);

beforeAll(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  await addMembers(testApp);
  supervisor = await signedInAs(testApp, clock.now, "supervisor", "198.51.100.140");
  made.web = await fileTip(testApp, validTip());
  for (const channel of ["phone", "walk_in", "partner_referral"]) {
    expect((await postIntake(testApp, supervisor, intakeFields(validTip(), channel))).status).toBe(201);
    made[channel] = await newestTipId();
  }
});

afterAll(async () => {
  await testApp.close();
});

const linesOf = (html: string) =>
  [...html.matchAll(/<li class="queue-item[^"]*"[^>]*data-tip-id="([^"]+)"[\s\S]*?<\/li>/g)].map((m) => ({
    id: m[1] ?? "",
    html: m[0],
  }));

describe("the queue's channel", () => {
  it("is shown in each line, in the member's language", async () => {
    const lines = linesOf(await (await supervisor.get("/console")).text());
    const label = {
      web: "Site web",
      phone: "Par téléphone",
      walk_in: "En personne",
      partner_referral: "Orienté par une organisation partenaire",
    };
    for (const [channel, id] of Object.entries(made)) {
      const line = lines.find((l) => l.id === id);
      expect(line?.html, channel).toContain(label[channel as keyof typeof label]);
    }
  });

  it.each(["web", "phone", "walk_in", "partner_referral"])("filters on %s", async (channel) => {
    const html = await (await supervisor.get(`/console?channel=${channel}`)).text();
    const ids = linesOf(html).map((l) => l.id);
    expect(ids).toContain(made[channel]);
    for (const [other, id] of Object.entries(made)) if (other !== channel) expect(ids, other).not.toContain(id);
    expect(html).toMatch(new RegExp(`<option value="${channel}" selected`));
  });

  it("ignores a channel that is not one of the choices, and says so", async () => {
    const html = await (await supervisor.get("/console?channel=fax")).text();
    expect(errorSummaryOf(html).join(" ")).toContain(fr["queue.filter.channel"]);
    const ids = linesOf(html).map((l) => l.id);
    for (const id of Object.values(made)) expect(ids).toContain(id);
  });
});

describe("the overdue badge, from the deployment file's targets", () => {
  const overdue = async (id: string) => {
    const line = linesOf(await (await supervisor.get("/console")).text()).find((l) => l.id === id);
    expect(line).toBeDefined();
    return line?.html.includes("tag--overdue") ?? false;
  };

  it("follows the file's target for the tip's priority, read again on every page", async () => {
    // Sessions end after 30 idle minutes: the clock moves less than that between pages.
    // Seeded from the Mauritania deployment file: P1 24 hours (issue 9's example).
    expect((await readHotlineSettings(testApp.db)).queueTargets?.P1).toBe("24h");
    const id = await fileTip(testApp, validTip());
    expect((await testApp.exec(`select priority from tips where id = '${id}'`)).rows[0]?.priority).toBe("P1");
    clock.advance(20 * MINUTE);
    expect(await overdue(id)).toBe(false);

    const settings = await readHotlineSettings(testApp.db);
    await writeHotlineSettings(testApp.db, { ...settings, queueTargets: { ...settings.queueTargets, P1: "15m" } });
    expect(await overdue(id)).toBe(true);

    await writeHotlineSettings(testApp.db, { ...settings, queueTargets: { ...settings.queueTargets, P1: "25m" } });
    expect(await overdue(id)).toBe(false);
    clock.advance(6 * MINUTE);
    expect(await overdue(id)).toBe(true);
    await writeHotlineSettings(testApp.db, settings);
  });
});
