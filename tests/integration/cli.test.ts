import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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

const cliEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? "",
  DATABASE_URL: `file:${t.databaseFile}`,
  BALAGH_MASTER_KEY: t.masterKey,
  ...env,
});

/** The CLI with its standard input a pipe that carries `stdin` and then ends. */
const balagh = async (args: string[], env: Record<string, string> = {}, stdin = "") => {
  try {
    const running = run(TSX, ["server/src/cli.ts", ...args], { cwd: REPO_ROOT, env: cliEnv(env) });
    running.child.stdin?.end(stdin);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const terminals: ChildProcess[] = [];
afterEach(() => {
  for (const child of terminals.splice(0)) child.kill("SIGKILL");
});

const shellQuoted = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** The CLI on a real pseudo-terminal (util-linux `script`), answering each prompt once it has been shown. */
const onTerminal = (args: string[]) => {
  const command = [TSX, "server/src/cli.ts", ...args].map(shellQuoted).join(" ");
  const child = spawn("script", ["--quiet", "--return", "--command", command, "/dev/null"], {
    cwd: REPO_ROOT,
    env: cliEnv({}),
  });
  terminals.push(child);
  let output = "";
  child.stdout.on("data", (data) => {
    output += data;
  });
  const exitCode = once(child, "exit").then(([code]) => code as number | null);
  let answered = 0;
  const shown = (prompt: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!prompt.test(output.slice(answered))) return;
        child.stdout.off("data", check);
        resolve();
      };
      child.stdout.on("data", check);
      child.once("exit", () => reject(new Error(`exited before asking ${prompt}:\n${output}`)));
      check();
    });
  return {
    exitCode,
    output: () => output,
    answer: async (prompt: RegExp, line: string) => {
      await shown(prompt);
      answered = output.length;
      child.stdin.write(`${line}\r`);
    },
  };
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

  it("creates staff from standard input with a slow password hash, refusing bad input with exit 2", async () => {
    const password = "correct horse battery staple";
    const refusals: [string[], string, RegExp][] = [
      [["--email", "not-an-email", "--role", "admin"], password, /email/],
      [["--email", "a@b.mr", "--role", "admin"], "short", /at least 12/],
      [["--email", "a@b.mr", "--role", "admin"], "", /needs a password.*standard input/],
      [["--email", "a@b.mr", "--role", "root"], password, /--role must be one of/],
      [["--email", "a@b.mr", "--role", "agent"], password, /--agency/],
      [["--email", "a@b.mr", "--role", "agent", "--agency", "nope"], password, /no agency with slug 'nope'/],
      [["--email", "a@b.mr", "--role", "admin"], `${password}\nnot base32!\n`, /base32/],
    ];
    for (const [args, stdin, message] of refusals) {
      const result = await balagh(["create-staff", ...args], {}, stdin);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(await t.count("staff")).toBe(0);
    const ok = await balagh(
      ["create-staff", "--email", "Agent@Hotline.MR", "--role", "agent", "--agency", "mr-child-protection", "--json"],
      {},
      `${password}\nJBSWY3DPEHPK3PXPJBSWY3DP\n`,
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      email: "agent@hotline.mr",
      role: "agent",
      agency: "mr-child-protection",
    });
    const again = await balagh(["create-staff", "--email", "agent@hotline.mr", "--role", "admin"], {}, password);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const row = (await t.client.execute("select password_hash, totp_secret_sealed from staff")).rows[0];
    expect(String(row?.password_hash)).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(row?.totp_secret_sealed).not.toBeNull();
    await t.client.execute("PRAGMA wal_checkpoint(FULL)");
    const bytes = readFileSync(t.databaseFile).toString("latin1");
    expect(bytes).not.toContain(password);
    expect(bytes).not.toContain("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(await t.count("audit_log")).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("refuses a password or TOTP secret on the command line with exit 2, saying how to give them", async () => {
    for (const flag of ["--password", "--totp-secret"]) {
      const result = await balagh(
        ["create-staff", "--email", "a@b.mr", "--role", "admin", flag, "JBSWY3DPEHPK3PXPJBSWY3DP"],
        {},
        "correct horse battery staple\n",
      );
      expect(result.code, flag).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`${flag} is refused`));
      expect(result.stderr).toMatch(/prompt/);
      expect(result.stderr).toMatch(/standard input/);
    }
    expect(await t.count("staff")).toBe(0);
  });

  it("asks for the secrets on a terminal without echoing them", async () => {
    const password = "a passphrase nobody should see";
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DP";
    const terminal = onTerminal(["create-staff", "--email", "lead@hotline.mr", "--role", "admin", "--json"]);
    await terminal.answer(/Password: /, password);
    await terminal.answer(/again: /, password);
    await terminal.answer(/TOTP secret.*: /, secret);
    expect(await terminal.exitCode).toBe(0);
    expect(terminal.output()).toMatch(/"email": "lead@hotline.mr"/);
    expect(terminal.output()).not.toContain(password);
    expect(terminal.output()).not.toContain(secret);
    const row = (await t.client.execute("select totp_secret_sealed from staff")).rows[0];
    expect(row?.totp_secret_sealed).not.toBeNull();
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

  it("lists a tip's routes primary first, then by agency slug", async () => {
    const boat = validTip({
      dangerNow: "yes",
      when: "happening_now",
      situations: ["unsafe_boat_departure"],
      childInvolved: "yes",
      indicators: ["dangerous_journey"],
    });
    expect((await t.post(t.body(boat))).status).toBe(201);
    const [summary] = JSON.parse((await balagh(["tips", "list", "--json"])).stdout) as { id: string }[];
    const shown = await balagh(["tips", "show", summary!.id, "--json"]);
    const routes = (JSON.parse(shown.stdout).routes as { agency: string; role: string }[]).map(
      (r) => `${r.role} ${r.agency}`,
    );
    // Stored in the order of an index on random ids: six routes come out sorted by chance once in 720.
    expect(routes).toEqual([
      "primary mr-child-protection",
      "primary mr-coast-guard",
      "primary mr-gendarmerie",
      "primary mr-police",
      "notify iom-mauritania",
      "notify mr-national-authority",
    ]);
  });

  it("says to run migrate, with exit 1, on a database that is not migrated or is a migration behind", async () => {
    const empty = { DATABASE_URL: `file:${join(t.dir, "empty.db")}` };
    const list = await balagh(["tips", "list"], empty);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/run `pnpm balagh migrate`/);
    expect(list.stderr).not.toMatch(/SQLITE|no such table/i);
    const staff = await balagh(["create-staff", "--email", "a@b.mr", "--role", "admin"], empty, "a long passphrase\n");
    expect(staff.code).toBe(1);
    expect(staff.stderr).toMatch(/run `pnpm balagh migrate`/);
    expect((await balagh(["migrate"], empty)).code).toBe(0);
    expect((await balagh(["tips", "list"], empty)).code).toBe(0);

    await t.exec(
      "delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)",
    );
    const behind = await balagh(["tips", "list"]);
    expect(behind.code).toBe(1);
    expect(behind.stderr).toMatch(/run `pnpm balagh migrate`/);
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
