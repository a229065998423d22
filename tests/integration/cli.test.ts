import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT, TSX } from "../fixtures/server-process.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const run = promisify(execFile);

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const balagh = async (args: string[], env: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await run(TSX, ["server/src/cli.ts", ...args], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: `file:${t.databaseFile}`,
        BALAGH_MASTER_KEY: t.masterKey,
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe("pnpm balagh", () => {
  it("prints usage and exits 2 without a command, or with an unknown one", async () => {
    const none = await balagh([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/Usage: pnpm balagh/);
    const unknown = await balagh(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it("migrates, seeds idempotently and lists partners as JSON", async () => {
    expect((await balagh(["migrate"])).code).toBe(0);
    expect((await balagh(["seed", "mauritania"])).code).toBe(0);
    expect(await t.count("agencies")).toBe(12);
    const seeded = await balagh(["seed", "atlantis"]);
    expect(seeded.code).toBe(2);
    expect(seeded.stderr).toMatch(/unknown deployment 'atlantis'/);
    const list = await balagh(["partners", "list", "--json"]);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ key: "demo", allowedOrigins: ["http://127.0.0.1:8788"] }),
    ]);
  });

  it("creates staff with a slow password hash, refusing bad input with exit 2", async () => {
    const password = "correct horse battery staple";
    const refusals: [string[], RegExp][] = [
      [["--email", "not-an-email", "--password", password, "--role", "admin"], /email/],
      [["--email", "a@b.mr", "--password", "short", "--role", "admin"], /at least 12/],
      [["--email", "a@b.mr", "--password", password, "--role", "root"], /--role must be one of/],
      [["--email", "a@b.mr", "--password", password, "--role", "agent"], /--agency/],
      [
        ["--email", "a@b.mr", "--password", password, "--role", "agent", "--agency", "nope"],
        /no agency with slug 'nope'/,
      ],
      [["--email", "a@b.mr", "--password", password, "--role", "admin", "--totp-secret", "not base32!"], /base32/],
    ];
    for (const [args, message] of refusals) {
      const result = await balagh(["create-staff", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(await t.count("staff")).toBe(0);
    const ok = await balagh([
      "create-staff",
      "--email",
      "Agent@Hotline.MR",
      "--password",
      password,
      "--role",
      "agent",
      "--agency",
      "mr-child-protection",
      "--totp-secret",
      "JBSWY3DPEHPK3PXPJBSWY3DP",
      "--json",
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      email: "agent@hotline.mr",
      role: "agent",
      agency: "mr-child-protection",
    });
    const again = await balagh([
      "create-staff",
      "--email",
      "agent@hotline.mr",
      "--password",
      password,
      "--role",
      "admin",
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const row = (await t.client.execute("select password_hash, totp_secret_sealed from staff")).rows[0];
    expect(String(row?.password_hash)).toMatch(/^scrypt\$32768\$8\$3\$/);
    await t.client.execute("PRAGMA wal_checkpoint(FULL)");
    const bytes = readFileSync(t.databaseFile).toString("latin1");
    expect(bytes).not.toContain(password);
    expect(bytes).not.toContain("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(await t.count("audit_log")).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("lists tips and shows one decrypted, with script and SQL returned verbatim", async () => {
    const narrative = "<script>alert('x')</script> '; DROP TABLE tips; -- محتجزون 😀";
    const details = { suspects: "<img src=x onerror=alert(1)>", boats: "pirogue «Allah Karim»" };
    expect((await t.post(t.body(validTip({ narrative, details })))).status).toBe(201);
    const list = await balagh(["tips", "list", "--json"]);
    const [summary] = JSON.parse(list.stdout) as { id: string; narrative?: string }[];
    // "محتجزون" (held) in the narrative: triage reads captivity now.
    expect(summary).toMatchObject({ partner: "demo", country: "MR", priority: "P0" });
    expect(list.stdout).not.toContain("DROP TABLE");
    const shown = await balagh(["tips", "show", summary!.id, "--json"]);
    expect(shown.code).toBe(0);
    const tip = JSON.parse(shown.stdout);
    expect(tip.narrative).toBe(narrative);
    expect(tip.details).toEqual(details);
    expect(tip.routes).toContainEqual(expect.objectContaining({ agency: "mr-child-protection", role: "primary" }));
    expect(tip).not.toHaveProperty("receiptHash");
    expect(await t.tipCount()).toBe(1);
  });

  it("fails clearly on an unknown tip, a wrong master key and a production start without secrets", async () => {
    const unknown = await balagh(["tips", "show", "00000000-0000-0000-0000-000000000000"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no tip with id/);
    expect((await t.post(t.body())).status).toBe(201);
    const id = JSON.parse((await balagh(["tips", "list", "--json"])).stdout)[0].id;
    const otherKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const wrongKey = await balagh(["tips", "show", id, "--json"], { BALAGH_MASTER_KEY: otherKey });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/which this server does not hold/);
    const prod = await balagh(["tips", "list"], { BALAGH_ENV: "production", BALAGH_MASTER_KEY: "" });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toMatch(/configuration error: BALAGH_MASTER_KEY is required/);
  });
});
