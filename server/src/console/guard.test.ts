import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consoleCatalogs } from "@balagh/shared";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "../db/schema.js";
import { type AppDeps, resolveServices } from "../deps.js";
import { migrateDatabase, openDatabase } from "../node/database.js";
import { deriveKeys, generateMasterKey } from "../security/keys.js";
import { newSession } from "../staff/sessions.js";
import { requireRole, requireViewer } from "./guard.js";
import { SESSION_COOKIE } from "./session-cookie.js";
import type { ViewerEnv } from "./types.js";

const ROLES = ["admin", "supervisor", "agent", "auditor"] as const;
const NOW = new Date("2026-03-02T09:00:00Z");

let dir: string;
let database: Awaited<ReturnType<typeof openDatabase>>;
let probe: Hono;
const cookies = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-guard-"));
  database = await openDatabase(`file:${join(dir, "guard.db")}`);
  await migrateDatabase(database.db);
  const services = resolveServices({
    db: database.db,
    commit: database.commit,
    keys: await deriveKeys(generateMasterKey()),
    config: { publicUrl: "http://localhost:8787", hcaptcha: null, tipRateLimit: { max: 1, windowSeconds: 1 } },
    clientAddress: () => undefined,
    now: () => NOW,
  } satisfies AppDeps);
  for (const role of ROLES) {
    await database.db.insert(staff).values({ id: role, email: `${role}@hotline.mr`, passwordHash: "-", role });
    const session = newSession(database.db, role, NOW, { pending: false });
    await session.statement;
    cookies.set(role, session.token);
  }
  const pending = newSession(database.db, "admin", NOW, { pending: true });
  await pending.statement;
  cookies.set("pending admin", pending.token);
  probe = new Hono().route(
    "/console",
    new Hono<ViewerEnv>().get("/staff", requireViewer(services), requireRole("admin", "supervisor"), (c) =>
      c.text(`hello ${c.var.viewer.role} ${c.var.viewer.email}`),
    ),
  );
});

afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (who: string | null) =>
  probe.request("/console/staff", { headers: who ? { Cookie: `${SESSION_COOKIE}=${cookies.get(who)}` } : {} });

describe("requireViewer and requireRole", () => {
  it.each([
    ["admin", 200],
    ["supervisor", 200],
    ["agent", 403],
    ["auditor", 403],
  ] as const)("%s: %i", async (role, status) => {
    const answer = await get(role);
    expect(answer.status).toBe(status);
    if (status === 200) expect(await answer.text()).toBe(`hello ${role} ${role}@hotline.mr`);
    else {
      expect(answer.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(await answer.text()).toContain(consoleCatalogs.fr["error.forbidden.title"]);
    }
  });

  it("sends a visitor without a session, or with one still waiting for its code, to sign in", async () => {
    for (const who of [null, "pending admin"]) {
      const answer = await get(who);
      expect(answer.status).toBe(303);
      expect(answer.headers.get("Location")).toBe("/console/sign-in?return=%2Fconsole%2Fstaff");
    }
  });
});
