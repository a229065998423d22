import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import mauritaniaFile from "../../server/src/deployments/mauritania.json" with { type: "json" };
import { generateMasterKey } from "../../server/src/security/keys.js";
import { runBalagh } from "../fixtures/balagh-cli.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder with an empty database file's address and the CLI's environment for it. */
const database = () => {
  const dir = mkdtempSync(join(tmpdir(), "balagh-export-"));
  dirs.push(dir);
  const file = join(dir, "balagh.db");
  const env = { DATABASE_URL: `file:${file}`, BALAGH_MASTER_KEY: generateMasterKey() };
  const balagh = async (...args: string[]) => {
    const result = await runBalagh(args, env);
    if (result.code !== 0) throw new Error(`balagh ${args.join(" ")}: exit ${result.code}\n${result.stderr}`);
    return result.stdout;
  };
  return { dir, file, env, balagh };
};

const sqlite = async (file: string, statement: string) => {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url: `file:${file}` });
  try {
    return (await client.execute(statement)).rows;
  } finally {
    client.close();
  }
};

/** Everything seeding may touch, row by row, to prove a dry run left it as it was. */
const configurationRows = async (file: string) => ({
  agencies: await sqlite(file, "select * from agencies order by slug"),
  partners: await sqlite(file, "select * from partners order by key"),
  rules: await sqlite(file, "select * from routing_rules order by position, id"),
  settings: await sqlite(file, "select * from settings order by key"),
  audit: await sqlite(file, "select count(*) as n from audit_log"),
});

const { name: _name, description: _description, ...mauritania } = mauritaniaFile;

describe("pnpm balagh export-deployment", () => {
  it("writes back the seeded file's agencies, partners, rules and hotline settings", async () => {
    const a = database();
    await a.balagh("seed", "mauritania");
    // As the console files a phone tip's partner (README, "Phone and walk-in tips"): not part of any file.
    await sqlite(
      a.file,
      `insert into partners (id, key, name, allowed_origins, languages, default_language, countries, default_country, captcha_providers, exit_url, theme, disabled)
       values ('p-hotline', 'hotline-intake', 'Hotline', '[]', '["fr"]', 'fr', '["MR"]', 'MR', '[]', 'https://www.wikipedia.org/', '{}', 1)`,
    );
    const exported = JSON.parse(await a.balagh("export-deployment", "mauritania-copy"));
    expect(exported).toMatchObject({ name: "mauritania-copy" });
    expect(exported).toEqual({ ...mauritania, name: "mauritania-copy", description: expect.any(String) });
  });

  it("round-trips: seed → export → seed the export into an empty database → export again gives the same file", async () => {
    const a = database();
    await a.balagh("seed", "mauritania");
    // Changes made in the console: a disabled rule, a disabled agency, a disabled partner, a new phone number.
    await sqlite(a.file, "update routing_rules set enabled = 0 where position = 3");
    await sqlite(a.file, "update agencies set disabled = 1, phone = '+222 45 00 00 00' where slug = 'mr-ngo-shelter'");
    await sqlite(a.file, "update partners set disabled = 1 where key = 'demo'");
    const out = join(a.dir, "exported.json");
    expect(await a.balagh("export-deployment", "edited", "--out", out)).toContain(out);
    const first = JSON.parse(readFileSync(out, "utf8"));
    expect(first.rules[3]).toMatchObject({ enabled: false });
    expect(first.agencies.find((x: { slug: string }) => x.slug === "mr-ngo-shelter")).toMatchObject({
      disabled: true,
      phone: "+222 45 00 00 00",
    });
    expect(first.partners[0]).toMatchObject({ key: "demo", disabled: true });

    const b = database();
    await b.balagh("seed", out);
    const second = JSON.parse(await b.balagh("export-deployment", "edited"));
    expect(second).toEqual(first);
    expect(await sqlite(b.file, "select enabled from routing_rules order by position")).toHaveLength(
      mauritania.rules.length,
    );
  });

  it("refuses a database that would not make a valid file, saying why", async () => {
    const a = database();
    await a.balagh("seed", "mauritania");
    await sqlite(a.file, "update agencies set is_fallback = 0");
    const result = await runBalagh(["export-deployment", "broken"], a.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("exactly one agency must be the fallback");
  });
});

describe("pnpm balagh seed --dry-run", () => {
  it("prints what seeding would change and writes nothing", async () => {
    const a = database();
    await a.balagh("seed", "mauritania");
    await sqlite(a.file, "update agencies set phone = '999' where slug = 'mr-police'");
    await sqlite(a.file, "delete from routing_rules where position = 0");
    await sqlite(a.file, "delete from partners");
    const before = await configurationRows(a.file);

    const plan = await a.balagh("seed", "mauritania", "--dry-run");

    expect(await configurationRows(a.file)).toEqual(before);
    const policePhone = mauritania.agencies.find((x) => x.slug === "mr-police")?.phone;
    expect(plan).toContain(`~ mr-police\n      phone: "999" → "${policePhone}"`);
    expect(plan).toContain("Partners: 1 added, 0 changed\n  + demo");
    expect(plan).toContain(`+ ${mauritania.rules[0]?.name} → ${mauritania.rules[0]?.agency}`);
    expect(plan).toContain(`replaced by the file's ${mauritania.rules.length}`);
    expect(plan).toContain("Hotline settings: unchanged");
  });

  it("on a database seeded with the same file, says nothing changes; seeding still works after it", async () => {
    const a = database();
    await a.balagh("migrate");
    const empty = await a.balagh("seed", "mauritania", "--dry-run", "--json");
    expect(JSON.parse(empty).agencies.added).toHaveLength(mauritania.agencies.length);
    expect((await configurationRows(a.file)).agencies).toEqual([]);

    await a.balagh("seed", "mauritania");
    const again = await a.balagh("seed", "mauritania", "--dry-run");
    expect(again).toContain("Agencies: 0 added, 0 changed");
    expect(again).toContain(`Routing rules: unchanged (${mauritania.rules.length})`);
  });

  it("reads a file as well as a deployment's name", async () => {
    const a = database();
    await a.balagh("seed", "mauritania");
    const file = join(a.dir, "renamed.json");
    const renamed = { ...mauritaniaFile, agencies: mauritaniaFile.agencies.map((x) => ({ ...x, name: `${x.name}!` })) };
    writeFileSync(file, JSON.stringify(renamed));
    const plan = await a.balagh("seed", file, "--dry-run");
    expect(plan).toContain(`Agencies: 0 added, ${mauritania.agencies.length} changed`);
  });
});
