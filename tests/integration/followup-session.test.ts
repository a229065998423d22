import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { purgeExpired } from "../../server/src/maintenance/purge.js";
import { addNote } from "../../server/src/tips/actions.js";
import { replyToReporter } from "../../server/src/tips/conversation.js";
import { addStaff, manualClock } from "../fixtures/console.js";
import { fileTip, reporter, tokenFor } from "../fixtures/followup-api.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

let t: TestApp;
afterEach(() => t?.close());

const MINUTE = 60_000;
const groups = (receipt: string) => receipt.match(/\d{4}/g) ?? [];
const inScript = (receipt: string, zero: number) =>
  [...receipt].map((d) => String.fromCodePoint(zero + Number(d))).join("");

describe("opening a follow-up session with the receipt", () => {
  it("accepts the receipt with spaces, dashes, Eastern Arabic or Persian digits and direction marks", async () => {
    t = await createTestApp();
    const { receipt } = await fileTip(t);
    const forms = {
      digits: receipt,
      spaces: groups(receipt).join(" "),
      dashes: groups(receipt).join("-"),
      "Eastern Arabic": inScript(receipt, 0x0660),
      Persian: inScript(receipt, 0x06f0),
      "direction marks": `\u200F${groups(receipt).join("\u200F \u200E")}\u200E`,
      "Eastern Arabic in groups, copied from a right-to-left page": `\u200F${groups(receipt)
        .map((g) => inScript(g, 0x0660))
        .join(" \u061C")}`,
    };
    for (const [i, [name, typed]] of Object.entries(forms).entries()) {
      const response = await reporter(t, `198.51.100.${i + 1}`).open(typed);
      expect(response.status, name).toBe(201);
      const session = (await response.json()) as { token: string; expiresAt: string };
      expect(session.token, name).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("stores only the token's hash, and the session lasts 30 minutes by the server's clock", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const { receipt, tipId } = await fileTip(t);
    const response = await reporter(t).open(receipt);
    expect(response.status).toBe(201);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    expect(expiresAt).toBe(new Date(clock.now().getTime() + 30 * MINUTE).toISOString());
    const rows = (await t.exec("select token_hash, tip_id from followup_sessions")).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tip_id).toBe(tipId);
    expect(rows[0]?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));

    clock.advance(30 * MINUTE - 1);
    expect((await reporter(t).read(token)).status).toBe(200);
    clock.advance(1);
    const ended = await reporter(t).read(token);
    expect(ended.status).toBe(401);
    expect(await ended.json()).toMatchObject({ error: { code: "unauthorized" } });
    const files = readdirSync(t.dir).map((name) => readFileSync(join(t.dir, name)).toString("latin1"));
    expect(files.join("\n")).not.toContain(token);
  });

  it("is purged once it has ended: when a reporter came back is kept no longer than the session", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const { receipt } = await fileTip(t);
    await tokenFor(t, receipt);
    clock.advance(29 * MINUTE);
    await purgeExpired(t.db, clock.now());
    expect(await t.count("followup_sessions")).toBe(1);
    clock.advance(2 * MINUTE);
    await purgeExpired(t.db, clock.now());
    expect(await t.count("followup_sessions")).toBe(0);
  });

  it("refuses a forged, malformed or missing token with 401 JSON, and no token reads another tip", async () => {
    t = await createTestApp();
    const { receipt } = await fileTip(t);
    await tokenFor(t, receipt);
    const forged = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    for (const authorization of [`Bearer ${forged}`, "Bearer ", "Bearer x", "Basic abc", `bearer  ${forged}`, ""]) {
      const response = await t.app.request("/api/v1/followup", {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
      const post = await reporter(t).send(forged, "hello");
      expect(post.status).toBe(401);
    }
    expect(await t.count("messages")).toBe(0);
  });
});

describe("what the reporter reads", () => {
  it("the status in plain codes (spam and duplicate read as closed), the date, and an acknowledgement first", async () => {
    const clock = manualClock();
    t = await createTestApp({ now: clock.now });
    const filedAt = clock.now().toISOString();
    const { receipt, tipId } = await fileTip(t, validTip({ language: "ar" }));
    const token = await tokenFor(t, receipt);
    const read = async () => (await (await reporter(t).read(token)).json()) as Record<string, unknown>;
    const first = await read();
    expect(Object.keys(first).sort()).toEqual(["messages", "receivedAt", "status"]);
    expect(first).toMatchObject({ status: "received", receivedAt: filedAt });
    expect(first.messages).toEqual([
      { from: "hotline", body: expect.stringMatching(/[\u0600-\u06FF]/), sentAt: filedAt, automatic: true },
    ]);
    for (const [stored, shown] of [
      ["in_review", "in_review"],
      ["referred", "referred"],
      ["closed", "closed"],
      ["spam", "closed"],
      ["duplicate", "closed"],
    ]) {
      await t.exec(`update tips set status = '${stored}' where id = '${tipId}'`);
      expect((await read()).status, stored).toBe(shown);
    }
    // A spam, duplicate or closed tip still opens.
    expect((await reporter(t, "198.51.100.21").open(receipt)).status).toBe(201);
  });

  it("never the triage, the agencies, staff or internal notes", async () => {
    t = await createTestApp();
    const { receipt, tipId } = await fileTip(t, validTip({ language: "fr" }));
    await addStaff(t, { email: "superviseur@hotline.example", password: "correct horse battery", role: "supervisor" });
    const staffId = String(
      (await t.exec("select id from staff where email = 'superviseur@hotline.example'")).rows[0]?.id,
    );
    const staff = {
      db: t.db,
      keys: t.keys,
      viewer: { kind: "staff", id: staffId, role: "supervisor", agencyId: null },
    } as const;
    const note = "Note-interne-7781 : la police connaît déjà le maître";
    expect(await addNote(staff, tipId, note)).toEqual({ ok: true });
    const reply = "Merci. Pouvez-vous nous dire à quelle heure les enfants arrivent au carrefour ?";
    expect(await replyToReporter(staff, tipId, reply)).toEqual({ ok: true });
    const token = await tokenFor(t, receipt);
    const response = await reporter(t).read(token);
    expect(response.status).toBe(200);
    const text = await response.text();
    const agencies = (await t.exec("select slug, name from agencies")).rows;
    const tip = (await t.exec(`select priority, classification from tips where id = '${tipId}'`)).rows[0];
    for (const needle of [
      note,
      "superviseur@hotline.example",
      staffId,
      tipId,
      String(tip?.priority),
      String(tip?.classification),
      "child_forced_begging",
      ...agencies.flatMap((a) => [String(a.slug), String(a.name)]),
    ]) {
      expect(text).not.toContain(needle);
    }
    const { messages } = JSON.parse(text) as { messages: Record<string, unknown>[] };
    expect(messages[0]?.body).toMatch(/signalement/);
    // The staff's reply, as the console writes it: from "the hotline", no one by name.
    expect(messages.slice(1)).toEqual([{ from: "hotline", body: reply, sentAt: expect.any(String), automatic: false }]);
  });
});
