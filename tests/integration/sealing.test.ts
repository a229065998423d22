import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { sealLegacyFreeText } from "../../server/src/tips/legacy.js";
import { openTipFields } from "../../server/src/tips/sealing.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
afterEach(() => t.close());

const REGION = "Quartier Socogim, maison bleue de Mariem";
const NARRATIVE = "Ils partent ce soir en pirogue depuis la plage, avec des enfants.";

const databaseBytes = (app: TestApp) =>
  [app.databaseFile, `${app.databaseFile}-wal`].map((f) => readFileSync(f).toString("utf8")).join("");

const tipRow = async (app: TestApp) => {
  const [row] = await app.db.query.tips.findMany({ limit: 1 });
  if (!row) throw new Error("no tip stored");
  return row;
};

describe("free text is sealed", () => {
  it("keeps the typed region and the narrative's quoted phrases out of the database in the clear", async () => {
    t = await createTestApp();
    const tip = validTip({ narrative: NARRATIVE, location: { country: "MR", region: REGION, town: "Nouakchott" } });
    expect((await t.post(t.body(tip))).status).toBe(201);
    await t.exec("PRAGMA wal_checkpoint(PASSIVE)");
    const bytes = databaseBytes(t);
    for (const secret of [REGION, "Socogim", "ce soir", "pirogue"]) expect(bytes, secret).not.toContain(secret);

    const row = await tipRow(t);
    expect(row.priority).toBe("P0");
    expect(row.regionCode).toBeNull();
    const opened = await openTipFields(t.keys, row.id, row);
    expect(opened.location).toMatchObject({ region: REGION, town: "Nouakchott" });
    expect(JSON.stringify(opened.reasons)).toContain("ce soir");
    expect(JSON.stringify(row.reasons)).not.toMatch(/"(evidence|phrase)"/);
    expect(JSON.stringify(row.reasons)).toContain("boat_leaving_now");
  });

  it("keeps in the clear only the code of a region the text names", async () => {
    t = await createTestApp();
    const tip = validTip({ location: { country: "MR", region: "Nouakchott-Ouest" } });
    expect((await t.post(t.body(tip))).status).toBe(201);
    expect((await tipRow(t)).regionCode).toBe("MR-13");
    expect(databaseBytes(t)).not.toContain("Nouakchott-Ouest");
  });

  it("seals what older tips kept in the clear, once", async () => {
    t = await createTestApp();
    const tip = validTip({ narrative: NARRATIVE, location: { country: "MR", region: "Trarza", town: "Rosso" } });
    expect((await t.post(t.body(tip))).status).toBe(201);
    const fresh = await tipRow(t);
    const opened = await openTipFields(t.keys, fresh.id, fresh);
    // As a tip of the previous version was stored: the region and the full reasons in the clear.
    await t.client.execute({
      sql: "update tips set region = ?, region_code = null, reasons = ?, reasons_sealed = null where id = ?",
      args: ["Trarza", JSON.stringify(opened.reasons), fresh.id],
    });
    expect(await sealLegacyFreeText(t.db, async () => t.keys)).toBe(1);
    expect(await sealLegacyFreeText(t.db, async () => t.keys)).toBe(0);
    const sealed = await tipRow(t);
    expect(sealed.legacyRegion).toBeNull();
    expect(sealed.regionCode).toBe("MR-06");
    expect(JSON.stringify(sealed.reasons)).not.toContain("ce soir");
    const reopened = await openTipFields(t.keys, sealed.id, sealed);
    expect(reopened.location).toMatchObject({ region: "Trarza", town: "Rosso" });
    expect(reopened.reasons).toEqual(opened.reasons);
  });
});
