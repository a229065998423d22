import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../node/database.js";
import { route } from "../routing/index.js";
import { loadRoutingTable } from "../routing/load.js";
import { loadDeployment } from "./index.js";
import type { Deployment } from "./schema.js";
import { seedDeployment } from "./seed.js";

let dir: string;
let database: Awaited<ReturnType<typeof openDatabase>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-seed-"));
  database = await openDatabase(`file:${join(dir, "balagh.db")}`);
  await migrateDatabase(database.db);
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const coordinatingSlugs = async () =>
  (await database.client.execute("select slug from agencies where is_coordinating order by slug")).rows.map((r) =>
    String(r.slug),
  );

const mauritania = loadDeployment("mauritania");

describe("seeding the coordinating agency", () => {
  it("stores it, again on an already-seeded database, and routing loads it", async () => {
    await seedDeployment(database.db, mauritania);
    await seedDeployment(database.db, mauritania);
    expect(await coordinatingSlugs()).toEqual(["mr-national-authority"]);

    const table = await loadRoutingTable(database.db);
    const nationalAuthority = table.agencies.find((a) => a.slug === "mr-national-authority");
    // A P1 tip from a witness with no situation: only the police rule matches.
    const { routes } = route(
      {
        country: "MR",
        region: null,
        situations: [],
        childInvolved: "no",
        reporterRole: "witness",
        victimConsentPolice: null,
        disclosure: "anonymous",
        language: "fr",
        otherCountries: [],
        priority: "P1",
        classification: "unclear",
      },
      table,
    );
    expect(routes).toContainEqual(
      expect.objectContaining({ agencyId: nationalAuthority?.id, role: "notify", ruleId: null }),
    );
  });

  it("moves with the file, and an agency left out of the file stops being it", async () => {
    const moved: Deployment = {
      ...mauritania,
      agencies: mauritania.agencies.map((a) => ({ ...a, coordinating: a.slug === "unodc-focal-point" })),
    };
    await seedDeployment(database.db, moved);
    expect(await coordinatingSlugs()).toEqual(["unodc-focal-point"]);

    const withoutUnodc: Deployment = {
      ...mauritania,
      agencies: mauritania.agencies.filter((a) => a.slug !== "unodc-focal-point"),
      rules: mauritania.rules.filter((r) => r.agency !== "unodc-focal-point"),
    };
    await seedDeployment(database.db, withoutUnodc);
    expect(await coordinatingSlugs()).toEqual(["mr-national-authority"]);
  });
});
