import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, consoleBrowser, fieldValue, manualClock } from "../fixtures/console.js";
import {
  addMembers,
  fileTip,
  MEMBERS,
  type MemberName,
  signedInAs,
  tipElsewhere,
  tipForX,
} from "../fixtures/console-workspace.js";
import { writeReporterMessage } from "../fixtures/followup-messages.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

/**
 * The conversation's rows of the authorization matrix, written from issue 10 ("an agent of another
 * agency cannot read or answer the conversation (added to the authorization matrix)") and the
 * brief of its staff side (auditors and admins neither), on issue 9's rules: out of scope is the
 * same 404 as missing; no session: a page goes to sign-in (303), a form gets the sign-in page at
 * once (401); a reply accepted is a 303 back to the workspace.
 */
type Who = MemberName | "signedOut";
type Target = "routedToX" | "routedElsewhere" | "missing";
const WHO: Who[] = ["admin", "supervisor", "agentX", "agentY", "auditor", "signedOut"];
const TARGETS: Target[] = ["routedToX", "routedElsewhere", "missing"];

// [routed to X, routed elsewhere, missing]
const READS = {
  admin: [404, 404, 404],
  supervisor: [200, 200, 404],
  agentX: [200, 404, 404],
  agentY: [404, 404, 404],
  auditor: [404, 404, 404],
  signedOut: [303, 303, 303],
};
const ANSWERS = {
  admin: [404, 404, 404],
  supervisor: [303, 303, 404],
  agentX: [303, 404, 404],
  agentY: [404, 404, 404],
  auditor: [404, 404, 404],
  signedOut: [401, 401, 401],
};

const ROUTES: Record<string, Record<Who, number[]>> = {
  "GET /console/tips/:id": READS,
  "GET /console/tips/:id?template=which-place": READS,
  "GET /console/tips/:id/conversation": READS,
  "POST /console/tips/:id/reply": ANSWERS,
};

const REPORTER_WORDS = "Le camion part de Rosso à minuit.";

let testApp: TestApp;
let clock: ReturnType<typeof manualClock>;
const browsers = {} as Record<Who, ConsoleBrowser>;
const tokens = {} as Record<MemberName, string>;

beforeAll(async () => {
  clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  await addMembers(testApp);
  let address = 120;
  for (const name of Object.keys(MEMBERS) as MemberName[]) {
    const browser = await signedInAs(testApp, clock.now, name, `198.51.100.${address++}`);
    browsers[name] = browser;
    tokens[name] = fieldValue(await (await browser.get("/console/account")).text(), "csrf") ?? "";
  }
  browsers.signedOut = consoleBrowser(testApp, { clientAddress: "198.51.100.199" });
});

afterAll(async () => {
  await testApp.close();
});

/** A fresh tip for each cell, with a message from its reporter waiting. */
const targetTip = async (target: Target) => {
  if (target === "missing") return "00000000-0000-4000-8000-000000000000";
  const id = await fileTip(testApp, target === "routedToX" ? tipForX() : tipElsewhere());
  await writeReporterMessage(testApp, id, REPORTER_WORDS);
  return id;
};

const hotlineMessages = async (tipId: string) =>
  Number(
    (
      await testApp.exec({
        sql: "select count(*) as n from messages where tip_id = ? and direction = 'hotline'",
        args: [tipId],
      } as never)
    ).rows[0]?.n,
  );

describe.each(Object.entries(ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  const cells = WHO.flatMap((who) => TARGETS.map((target, i) => [who, target, expected[who]?.[i]] as const));
  it.each(cells)("%s on a tip %s: %i", async (who, target, status) => {
    const tipId = await targetTip(target);
    const path = pattern.replace(":id", tipId);
    const browser = browsers[who];
    const answer =
      method === "GET"
        ? await browser.get(path)
        : await browser.post(path, {
            ...(who === "signedOut" ? {} : { csrf: tokens[who] }),
            reply: "Merci, pouvez-vous préciser le lieu ?",
          });
    expect(answer.status).toBe(status);
    const body = await answer.text();
    // The reporter's words reach only those who may read them; a refused reply writes nothing.
    if (method === "GET") expect(body.includes(REPORTER_WORDS)).toBe(status === 200);
    else if (target !== "missing") expect(await hotlineMessages(tipId)).toBe(status === 303 ? 1 : 0);
  });
});

describe("a reply without the session's token, or from another site", () => {
  it("is refused (403) and nothing is written", async () => {
    const tipId = await targetTip("routedToX");
    const path = `/console/tips/${tipId}/reply`;
    const form = { reply: "Réponse forgée" };
    const supervisor = browsers.supervisor;
    const before = await testApp.count("audit_log");
    expect((await supervisor.post(path, form)).status).toBe(403);
    expect((await supervisor.post(path, { ...form, csrf: "not-the-token" })).status).toBe(403);
    expect((await supervisor.post(path, { ...form, csrf: tokens.agentX })).status).toBe(403);
    expect(
      (await supervisor.post(path, { ...form, csrf: tokens.supervisor }, { Origin: "https://evil.example" })).status,
    ).toBe(403);
    expect(await hotlineMessages(tipId)).toBe(0);
    expect(await testApp.count("audit_log")).toBe(before);
  });
});
