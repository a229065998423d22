import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { consoleCatalogs, type TipInput } from "@balagh/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { hmacHex } from "../../server/src/security/keys.js";
import { errorSummaryOf, type manualClock } from "../fixtures/console.js";
import { fileTip, type MemberName } from "../fixtures/console-workspace.js";
import { intakeFields, postIntake, receiptOn } from "../fixtures/intake-form.js";
import { membersApp } from "../fixtures/members-app.js";
import type { TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const fr = consoleCatalogs.fr;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
let ids: Record<MemberName, string>;

const { file, as } = membersApp({ firstAddress: 120 });

beforeAll(async () => {
  ({ testApp, clock, ids } = file);
});

const newestTipId = async () =>
  String((await testApp.exec("select id from tips order by rowid desc limit 1")).rows[0]?.id);

/** What triage and routing decided for a tip, as stored: what staff work from. */
const decisionsOf = async (tipId: string) => {
  const tip = (
    await testApp.exec({
      sql: "select priority, classification, flags, reasons, routing_notes, region_code from tips where id = ?",
      args: [tipId],
    } as never)
  ).rows[0];
  const routes = (
    await testApp.exec({
      sql: "select a.slug, r.role, r.rule_id, r.reason from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = ? order by a.slug",
      args: [tipId],
    } as never)
  ).rows.map((r) => ({ ...r }));
  const deliveries = (
    await testApp.exec({
      sql: "select a.slug, o.event from delivery_outbox o join agencies a on a.id = o.agency_id where o.tip_id = ? order by a.slug",
      args: [tipId],
    } as never)
  ).rows.map((r) => ({ ...r }));
  return { tip: { ...tip }, routes, deliveries };
};

/** Answers that take triage and routing down different paths (DOMAIN.md's table). */
const ANSWERS: Record<string, TipInput> = {
  "a child made to beg (P1, child protection)": validTip(),
  "a pirogue about to leave, danger now (P0, police and coast guard)": validTip({
    dangerNow: "yes",
    when: "happening_now",
    situations: ["unsafe_boat_departure"],
    childInvolved: "not_sure",
    indicators: ["dangerous_journey", "paid_to_cross_border"],
    narrative: "Une pirogue surchargée va partir cette nuit de la plage de Nouadhibou avec des femmes et des enfants.",
    location: { country: "MR", region: "Nouadhibou", town: "Nouadhibou", place: "la plage du port" },
    people: { count: 80, ageBands: ["adult", "12_to_17"], nationalities: ["SN", "ML"], sexes: ["female", "male"] },
  }),
  "an adult victim who does not consent to the police (withheld route)": validTip({
    reporterRole: "victim",
    victimConsentPolice: "no",
    situations: ["forced_labour_agriculture"],
    childInvolved: "no",
    indicators: ["wages_withheld", "identity_papers_taken", "debt_bondage"],
    narrative: "Je travaille dans les champs depuis deux ans, le patron garde mon passeport et ne me paie pas.",
    disclosure: "confidential",
    contact: { means: "+222 22 00 00 00", safeToContact: "yes", safeTimes: "le soir" },
    otherCountries: ["SN"],
    details: { suspects: "le patron de la ferme", places: "ferme près de Rosso" },
  }),
};

describe("a tip typed in from a call", () => {
  it.each(Object.entries(ANSWERS))(
    "%s: the same triage and routing as the same answers from the widget",
    async (_, tip) => {
      await testApp.exec(
        "update agencies set webhook_url = 'https://hooks.example.mr/balagh' where webhook_url is null",
      );
      const fromWeb = await fileTip(testApp, tip);
      const supervisor = await as("supervisor");
      const answer = await postIntake(testApp, supervisor, intakeFields(tip, "phone"));
      expect(answer.status).toBe(201);
      const fromPhone = await newestTipId();
      expect(fromPhone).not.toBe(fromWeb);

      const web = await decisionsOf(fromWeb);
      const phone = await decisionsOf(fromPhone);
      expect(phone.tip).toEqual(web.tip);
      expect(phone.routes).toEqual(web.routes);
      expect(phone.routes.length).toBeGreaterThan(0);
      expect(phone.deliveries).toEqual(web.deliveries);
    },
  );

  it("records its channel and its author, audited in the same commit as the tip", async () => {
    const supervisor = await as("supervisor");
    clock.advance(60_000);
    const answer = await postIntake(testApp, supervisor, intakeFields(validTip(), "walk_in"));
    expect(answer.status).toBe(201);
    const id = await newestTipId();
    const row = (
      await testApp.exec({ sql: "select channel, entered_by, created_at from tips where id = ?", args: [id] } as never)
    ).rows[0];
    expect(row?.channel).toBe("walk_in");
    expect(row?.entered_by).toBe(ids.supervisor);
    const audit = (
      await testApp.exec({
        sql: "select actor, action, details, at from audit_log where subject = ? and action <> 'tip.view'",
        args: [id],
      } as never)
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(ids.supervisor);
    expect(audit[0]?.action).toBe("tip.create.staff");
    expect(JSON.parse(String(audit[0]?.details))).toEqual({ channel: "walk_in" });
    // One commit, one clock reading: the entry's time is the tip's.
    expect(Number(audit[0]?.at)).toBe(Number(row?.created_at));
    // The entry links into the chain as README's recipe says ("The audit log"), recomputed here.
    const entry = (
      await testApp.exec({
        sql: "select seq, at, actor, action, subject, details, prev_hash, hash from audit_log where subject = ? and action = 'tip.create.staff'",
        args: [id],
      } as never)
    ).rows[0];
    const previous = (
      await testApp.exec({
        sql: "select hash from audit_log where seq < ? order by seq desc limit 1",
        args: [entry?.seq],
      } as never)
    ).rows[0];
    expect(entry?.prev_hash).toBe(previous?.hash ?? "0".repeat(64));
    const recipe = JSON.stringify([
      entry?.prev_hash,
      Number(entry?.at),
      entry?.actor,
      entry?.action,
      entry?.subject ?? null,
      JSON.parse(String(entry?.details)),
    ]);
    expect(entry?.hash).toBe(createHash("sha256").update(recipe, "utf8").digest("hex"));
  });

  it("a tip from the widget stays `web`, with no author", async () => {
    const id = await fileTip(testApp, validTip());
    const row = (await testApp.exec({ sql: "select channel, entered_by from tips where id = ?", args: [id] } as never))
      .rows[0];
    expect(row?.channel).toBe("web");
    expect(row?.entered_by).toBeNull();
  });

  it("an agency officer may enter one too, and is told when it went to other agencies", async () => {
    const agentY = await as("agentY");
    const answer = await postIntake(testApp, agentY, intakeFields(validTip(), "partner_referral"));
    expect(answer.status).toBe(201);
    const html = await answer.text();
    // A child made to beg goes to child protection, not to the coast guard (agency Y).
    expect(html).toContain(fr["intake.receipt.notYours"]);
    expect(html).not.toContain(`href="/console/tips/`);
    const row = (
      await testApp.exec({
        sql: "select channel, entered_by from tips where id = ?",
        args: [await newestTipId()],
      } as never)
    ).rows[0];
    expect(row).toMatchObject({ channel: "partner_referral", entered_by: ids.agentY });
  });
});

describe("the receipt", () => {
  it("is shown once, in groups of four, is the tip's, and is stored nowhere in the clear", async () => {
    const supervisor = await as("supervisor");
    const answer = await postIntake(testApp, supervisor, intakeFields(validTip(), "phone"));
    const html = await answer.text();
    expect(answer.status).toBe(201);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    const groups = [...(html.match(/class="receipt-digits"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? "").matchAll(/>(\d+)</g)].map(
      (m) => m[1],
    );
    // DESIGN.md: 20 digits, shown in groups of four.
    expect(groups).toHaveLength(5);
    for (const group of groups) expect(group).toMatch(/^\d{4}$/);
    expect(html).toContain(fr["intake.receipt.readSlowly"]);
    const receipt = receiptOn(html);
    const id = await newestTipId();
    const stored = (await testApp.exec({ sql: "select receipt_hash from tips where id = ?", args: [id] } as never))
      .rows[0]?.receipt_hash;
    expect(stored).toBe(await hmacHex(testApp.keys.receipt, receipt));

    const workspace = await (await supervisor.get(`/console/tips/${id}`)).text();
    expect(workspace).not.toContain(receipt);
    expect(workspace).not.toContain(groups.join(" "));
    expect(readFileSync(testApp.databaseFile).includes(Buffer.from(receipt))).toBe(false);
  });

  it("the same form sent again makes no second tip and does not show the number again", async () => {
    const supervisor = await as("supervisor");
    const tipId = crypto.randomUUID();
    const fields = intakeFields(validTip(), "phone");
    const first = await postIntake(testApp, supervisor, fields, { tipId });
    const receipt = receiptOn(await first.text());
    const tips = await testApp.tipCount();
    const again = await postIntake(testApp, supervisor, fields, { tipId });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain(fr["intake.again.title"]);
    expect(html).not.toContain(receipt);
    expect(receiptOn(html)).toBe("");
    expect(await testApp.tipCount()).toBe(tips);
  });
});

describe("the reporter's side", () => {
  it("the receipt read to the caller opens their follow-up, which never names who entered the tip", async () => {
    const supervisor = await as("supervisor");
    const answer = await postIntake(testApp, supervisor, intakeFields(validTip(), "walk_in"));
    const receipt = receiptOn(await answer.text());
    const session = await testApp.app.request("/api/v1/followup/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Test-Client-Address": "203.0.113.9" },
      body: JSON.stringify({ receipt: receipt.replace(/(\d{4})(?=\d)/g, "$1 ") }),
    });
    expect(session.status).toBe(201);
    const { token } = (await session.json()) as { token: string };
    const followup = await testApp.app.request("/api/v1/followup", {
      headers: { Authorization: `Bearer ${token}`, "X-Test-Client-Address": "203.0.113.9" },
    });
    expect(followup.status).toBe(200);
    const body = await followup.text();
    for (const secret of [ids.supervisor, "duty@hotline.mr", "walk_in", "hotline-intake", "enteredBy", "entered_by"]) {
      expect(body).not.toContain(secret);
    }
  });
});

describe("the workspace and the queue", () => {
  it("show the channel and who entered it", async () => {
    const supervisor = await as("supervisor");
    await postIntake(testApp, supervisor, intakeFields(validTip(), "phone"));
    const id = await newestTipId();
    const workspace = await (await supervisor.get(`/console/tips/${id}`)).text();
    expect(workspace).toContain(fr["intake.tip.channel"]);
    expect(workspace).toContain(fr["intake.channel.phone"]);
    expect(workspace).toContain(fr["intake.tip.enteredBy"]);
    expect(workspace).toContain("duty@hotline.mr");
    expect(workspace).toContain(`duty@hotline.mr</strong> ${fr["intake.event.created"]}`);
    const queue = await (await supervisor.get("/console")).text();
    const line = queue.match(new RegExp(`<li[^>]*data-tip-id="${id}"[\\s\\S]*?</li>`))?.[0] ?? "";
    expect(line).toContain(fr["intake.channel.phone"]);
  });
});

describe("the form", () => {
  it("asks every question, the answers in the widget's words, in the member's language", async () => {
    const agentX = await as("agentX");
    const html = await (await agentX.get("/console/intake")).text();
    for (const name of [
      "channel",
      "dangerNow",
      "reporterRole",
      "country",
      "when",
      "childInvolved",
      "narrative",
      "disclosure",
    ]) {
      expect(html).toContain(`name="${name}"`);
    }
    // The widget's French words for an answer (shared/src/i18n/fr.ts), read out to the caller.
    expect(html).toContain("Je préfère ne pas le dire");
    expect(errorSummaryOf(html)).toEqual([]);
  });
});
