import { readFileSync } from "node:fs";
import { normaliseReceipt, RECEIPT_DIGITS } from "@balagh/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, HOTLINE, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe("POST /api/v1/tips", () => {
  it("stores a valid tip and answers 201 with a 20-digit receipt", async () => {
    const res = await t.post(t.body(), { Origin: HOTLINE });
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const { receipt } = (await res.json()) as { receipt: string };
    expect(receipt).toMatch(new RegExp(`^\\d{${RECEIPT_DIGITS}}$`));
    expect(normaliseReceipt(receipt)).toBe(receipt);
    expect(await t.tipCount()).toBe(1);
    const row = (await t.client.execute("select * from tips")).rows[0];
    expect(row?.priority).toBe("P1");
    expect(row?.classification).toBe("trafficking");
    expect(JSON.parse(String(row?.flags))).toContain("child");
    expect(JSON.parse(String(row?.reasons)).length).toBeGreaterThan(0);
    expect(row?.country).toBe("MR");
    expect(String(row?.narrative_sealed)).toMatch(/^v1\./);
    expect(String(row?.receipt_hash)).not.toContain(receipt);
  });

  it("keeps the narrative, the receipt and the place out of the database file in clear", async () => {
    const narrative = "Unique-marker-narrative-7731 au port de pêche";
    const res = await t.post(
      t.body(validTip({ narrative, location: { country: "MR", town: "Unique-marker-town-4410" } })),
    );
    const { receipt } = (await res.json()) as { receipt: string };
    await t.client.execute("PRAGMA wal_checkpoint(FULL)");
    const bytes = readFileSync(t.databaseFile).toString("latin1");
    expect(bytes).toContain("MR");
    for (const secret of ["Unique-marker-narrative-7731", "Unique-marker-town-4410", receipt])
      expect(bytes).not.toContain(secret);
  });

  it("stores the routing decisions with the rule that made each", async () => {
    await t.post(t.body());
    const routes = await t.client.execute(
      "select a.slug, r.role, rr.name from tip_routes r join agencies a on a.id = r.agency_id left join routing_rules rr on rr.id = r.rule_id order by a.slug",
    );
    expect(routes.rows.map((r) => [r.slug, r.role, r.name])).toEqual([
      ["mr-child-protection", "primary", "Child begging (talibé): child protection"],
      ["mr-national-authority", "notify", "Child begging (talibé): national authority"],
      ["mr-ngo-child-partner", "notify", "Child begging (talibé): NGO partner"],
      ["mr-police", "primary", "Crisis (P1): police without waiting for consent"],
    ]);
  });

  it("answers a repeated Idempotency-Key with the same 201 and stores one tip", async () => {
    const body = t.body();
    const first = await t.post(body, { "Idempotency-Key": "retry-key-0001" });
    const second = await t.post(body, { "Idempotency-Key": "retry-key-0001" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await t.tipCount()).toBe(1);
  });

  it("replays the same receipt when the retry carries a new captcha for the same report", async () => {
    const tip = validTip();
    const first = await t.post(t.body(tip), { "Idempotency-Key": "retry-key-0002" });
    const second = await t.post(t.body(tip), { "Idempotency-Key": "retry-key-0002" });
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(await t.tipCount()).toBe(1);
  });

  it("files a report sent with a used Idempotency-Key as a new report, and tells nothing of the first", async () => {
    const first = await t.post(t.body(), { "Idempotency-Key": "retry-key-0003" });
    const other = await t.post(t.body(validTip({ narrative: "Un autre signalement, tout à fait différent." })), {
      "Idempotency-Key": "retry-key-0003",
    });
    expect(other.status).toBe(201);
    expect(other.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await other.json()).not.toEqual(await first.json());
    expect(await t.tipCount()).toBe(2);
  });

  it("keeps a partner's Idempotency-Keys to that partner: the same key and report from another partner is a new tip", async () => {
    await t.exec(
      "insert into partners (id, key, name, allowed_origins, languages, default_language, countries, default_country, captcha_providers, exit_url, theme) " +
        "select 'p-other', 'other', 'Other partner', allowed_origins, languages, default_language, countries, default_country, captcha_providers, exit_url, theme from partners where key = 'demo'",
    );
    const tip = validTip();
    const demo = await t.post(t.body(tip), { "Idempotency-Key": "shared-key-0001" });
    const other = await t.post({ ...t.body(tip), partner: "other" }, { "Idempotency-Key": "shared-key-0001" });
    expect(demo.status).toBe(201);
    expect(other.status).toBe(201);
    expect(other.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await other.json()).not.toEqual(await demo.json());
    expect(await t.tipCount()).toBe(2);
  });

  it("turns 50 concurrent submissions into 50 tips with 50 distinct receipts", async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => t.post(t.body())));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const receipts = await Promise.all(responses.map(async (r) => ((await r.json()) as { receipt: string }).receipt));
    expect(new Set(receipts).size).toBe(50);
    expect(await t.tipCount()).toBe(50);
    expect(await t.count("tip_routes")).toBe(200);
  });

  it("lets 20 concurrent retries of one report, each with its own captcha, create one tip and one receipt", async () => {
    const tip = validTip();
    const send = () => t.post(t.body(tip), { "Idempotency-Key": "race-key-0001" });
    const responses = await Promise.all(Array.from({ length: 20 }, send));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const receipts = await Promise.all(responses.map(async (r) => ((await r.json()) as { receipt: string }).receipt));
    expect(new Set(receipts).size).toBe(1);
    expect(await t.tipCount()).toBe(1);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { receipt: string }).receipt).toBe(receipts[0]);
    expect(await t.tipCount()).toBe(1);
  });
});

describe("GET /api/v1/partners/:partnerKey/config", () => {
  it("gives the widget the languages, countries with emergency numbers, captchas and exit URL", async () => {
    const res = await t.app.request("/api/v1/partners/demo/config");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const config = (await res.json()) as Record<string, unknown> & {
      countries: { code: string; emergency: { number: string }[] }[];
    };
    expect(config.languages).toEqual(["fr", "ar", "en", "es"]);
    expect(config.countries.find((c) => c.code === "MR")?.emergency.map((e) => e.number)).toContain("1916");
    expect(config.captcha).toEqual({
      hcaptcha: { sitekey: t.fake.sitekey },
      altcha: { challengeUrl: `${HOTLINE}/api/v1/captcha/altcha?partner=demo` },
    });
    expect(JSON.stringify(config)).not.toContain(t.fake.secret);
  });

  it("answers 404 for an unknown partner and 422 for a malformed key", async () => {
    expect((await t.app.request("/api/v1/partners/nobody/config")).status).toBe(404);
    const bad = await t.app.request("/api/v1/partners/%3Cscript%3E/config");
    expect(bad.status).toBe(422);
  });
});

describe("GET /healthz", () => {
  it("reports the database as reachable", async () => {
    const res = await t.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database is gone", async () => {
    t.client.close();
    const res = await t.app.request("/healthz");
    expect(res.status).toBe(503);
  });
});
