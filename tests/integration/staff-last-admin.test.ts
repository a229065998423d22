import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changePlacement, setDisabled } from "../../server/src/staff/members.js";
import { addStaff } from "../fixtures/console.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

/** The README: the hotline never loses its last admin who can sign in, however the change arrives. */
let t: TestApp;
let first: string;
let second: string;
const now = new Date();

beforeEach(async () => {
  t = await createTestApp();
  const ids: string[] = [];
  for (const email of ["lead.one@hotline.mr", "lead.two@hotline.mr"]) {
    await addStaff(t, { email, password: "a long and private passphrase", role: "admin" });
    ids.push(String((await t.exec(`select id from staff where email = '${email}'`)).rows[0]?.id));
  }
  [first = "", second = ""] = ids;
});
afterEach(() => t.close());

const activeAdmins = async () => t.count("staff where role = 'admin' and disabled = 0");
const entries = async (action: string) => t.count(`audit_log where action = '${action}'`);

describe("the last active admin", () => {
  it("survives two admins disabling each other at the same moment: one change is made, the other refused whole", async () => {
    const results = await Promise.all([
      setDisabled(t.db, first, second, true, now),
      setDisabled(t.db, second, first, true, now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, reason: "invalid" })]);
    expect(await activeAdmins()).toBe(1);
    expect(await entries("staff.disable")).toBe(1);
  });

  it("survives two admins demoting each other at the same moment", async () => {
    const toSupervisor = { role: "supervisor", agencyId: "" };
    const results = await Promise.all([
      changePlacement(t.db, first, second, toSupervisor, now),
      changePlacement(t.db, second, first, toSupervisor, now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
    expect(await entries("staff.placement.change")).toBe(1);
  });

  it("is kept by the database itself, whatever writes to it", async () => {
    await t.exec(`update staff set disabled = 1 where id = '${second}'`);
    await expect(t.exec(`update staff set disabled = 1 where id = '${first}'`)).rejects.toThrow(/last active admin/);
    await expect(t.exec(`update staff set role = 'auditor' where id = '${first}'`)).rejects.toThrow(
      /last active admin/,
    );
    expect(await activeAdmins()).toBe(1);
    // Bringing an admin back, and changing anyone else, stays possible.
    await t.exec(`update staff set disabled = 0 where id = '${second}'`);
    await t.exec(`update staff set disabled = 1 where id = '${first}'`);
    expect(await activeAdmins()).toBe(1);
  });
});
