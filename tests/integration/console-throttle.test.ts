import { consoleCatalogs } from "@balagh/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addStaff,
  consoleBrowser,
  errorSummaryOf,
  fieldValue,
  manualClock,
  signIn,
  totpCode,
} from "../fixtures/console.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

/**
 * The thresholds the README documents: per account, waits of 1, 2, 4 and 8 seconds after the first
 * four failures and a 15-minute lock from the fifth; per client address, the lock from the twentieth.
 */
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const ACCOUNT_WAITS = [1, 2, 4, 8].map((s) => s * SECOND);
const LOCK = 15 * MINUTE;
const CLIENT_LOCK_AFTER = 20;

const failed = consoleCatalogs.fr["signIn.failed"];
const AGENT = {
  email: "officer@hotline.mr",
  password: "another long password",
  role: "agent",
  agency: "mr-child-protection",
} as const;

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
});

afterEach(async () => {
  await testApp.close();
});

/** Each attempt from its own address, so that only the account's counter is at work. */
let address = 0;
const attempt = async (password: string, email: string = AGENT.email) => {
  address += 1;
  const browser = consoleBrowser(testApp, { clientAddress: `192.0.2.${address}` });
  const answer = await browser.post("/console/sign-in", { email, password });
  if (answer.status === 303) return "in";
  expect(answer.status).toBe(401);
  expect(errorSummaryOf(await answer.text())).toEqual([failed]);
  return "refused";
};

const auditCount = async (action: string) =>
  Number((await testApp.exec(`select count(*) as n from audit_log where action = '${action}'`)).rows[0]?.n);

describe("per account", () => {
  it("makes each failure wait longer, then locks for 15 minutes; the right password fails during the lock", async () => {
    await addStaff(testApp, AGENT);
    for (const wait of ACCOUNT_WAITS) {
      expect(await attempt("wrong password!")).toBe("refused");
      // Before the wait is over, even the right password is refused, without a word of why.
      clock.advance(wait - 1);
      expect(await attempt(AGENT.password)).toBe("refused");
      clock.advance(1);
    }
    expect(await attempt("wrong password!")).toBe("refused");
    expect(await auditCount("staff.sign_in.locked")).toBe(1);
    clock.advance(LOCK - 1);
    expect(await attempt(AGENT.password)).toBe("refused");
    clock.advance(1);
    expect(await attempt(AGENT.password)).toBe("in");
    // A complete sign-in clears the count: the next failure waits a second again, not 15 minutes.
    expect(await attempt("wrong password!")).toBe("refused");
    clock.advance(1 * SECOND);
    expect(await attempt(AGENT.password)).toBe("in");
  });

  it("counts wrong codes too, and a right password between them does not clear the count", async () => {
    const admin = { email: "lead@hotline.mr", password: "correct horse battery", role: "admin" } as const;
    await addStaff(testApp, admin);
    const { secret = "" } = await signIn(consoleBrowser(testApp), admin, clock.now);
    const tryCode = async (code: string) => {
      const browser = consoleBrowser(testApp, { clientAddress: "198.51.100.20" });
      const password = await browser.post("/console/sign-in", { email: admin.email, password: admin.password });
      if (password.status !== 303) return "refused";
      const page = await (await browser.get("/console/sign-in/code")).text();
      const answer = await browser.post("/console/sign-in/code", { csrf: fieldValue(page, "csrf") ?? "", code });
      return answer.status === 303 ? "in" : "refused";
    };
    for (const wait of ACCOUNT_WAITS) {
      expect(await tryCode("000000")).toBe("refused");
      clock.advance(wait);
    }
    expect(await tryCode("000000")).toBe("refused");
    clock.advance(MINUTE);
    expect(await tryCode(totpCode(secret, clock.now()))).toBe("refused");
    clock.advance(LOCK);
    expect(await tryCode(totpCode(secret, clock.now()))).toBe("in");
  });

  it("counts guesses sent at the same moment one by one: only one of them is checked", async () => {
    await addStaff(testApp, AGENT);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(`wrong password ${i}`)));
    expect(answers.every((a) => a === "refused")).toBe(true);
    const checked = await testApp.exec(
      "select count(*) as n from audit_log where action = 'staff.sign_in.failed' and json_extract(details, '$.throttled') = 0",
    );
    expect(Number(checked.rows[0]?.n)).toBe(1);
  });
});

describe("per client address", () => {
  it("locks an address that keeps failing, whatever the emails, and only that address", async () => {
    await addStaff(testApp, AGENT);
    const attacker = consoleBrowser(testApp, { clientAddress: "203.0.113.66" });
    for (let i = 1; i <= CLIENT_LOCK_AFTER; i++) {
      const answer = await attacker.post("/console/sign-in", {
        email: `guess${i}@hotline.mr`,
        password: "password123!",
      });
      expect(answer.status).toBe(401);
      clock.advance(30 * SECOND);
    }
    // Locked now: a real account's right password from this address fails too.
    const locked = await attacker.post("/console/sign-in", { email: AGENT.email, password: AGENT.password });
    expect(locked.status).toBe(401);
    expect(errorSummaryOf(await locked.text())).toEqual([failed]);
    expect(await auditCount("staff.sign_in.locked")).toBe(1);
    const neighbour = consoleBrowser(testApp, { clientAddress: "203.0.113.67" });
    expect((await neighbour.post("/console/sign-in", { email: AGENT.email, password: AGENT.password })).status).toBe(
      303,
    );
    clock.advance(LOCK);
    expect((await attacker.post("/console/sign-in", { email: AGENT.email, password: AGENT.password })).status).toBe(
      303,
    );
  });

  it("stores no address, only a keyed hash of it", async () => {
    await attempt("nobody knows", "nobody@hotline.mr");
    const rows = (await testApp.exec("select key from sign_in_throttle")).rows.map((r) => String(r.key));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^sign-in:[0-9a-f]{32}$/);
    expect(JSON.stringify((await testApp.exec("select * from audit_log")).rows)).not.toContain("192.0.2.");
  });
});
