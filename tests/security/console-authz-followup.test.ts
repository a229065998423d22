import { describe, expect, it } from "vitest";
import {
  authzMatrix,
  cellsOf,
  csrfOf,
  TIP_TARGETS,
  type TipTarget,
  tipFor,
  type Who,
} from "../fixtures/authz-matrix.js";
import { writeReporterMessage } from "../fixtures/followup-messages.js";

/**
 * The conversation's rows of the authorization matrix, written from issue 10 ("an agent of another
 * agency cannot read or answer the conversation (added to the authorization matrix)") and the
 * brief of its staff side (auditors and admins neither), on issue 9's rules: out of scope is the
 * same 404 as missing; no session: a page goes to sign-in (303), a form gets the sign-in page at
 * once (401); a reply accepted is a 303 back to the workspace.
 */
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

const matrix = authzMatrix({ firstAddress: 120, signedOutAddress: 199 });

/** A fresh tip for each cell, with a message from its reporter waiting. */
const targetTip = async (target: TipTarget) => {
  const id = await tipFor(matrix, target);
  if (target !== "missing") await writeReporterMessage(matrix.testApp, id, REPORTER_WORDS);
  return id;
};

const hotlineMessages = async (tipId: string) =>
  Number(
    (
      await matrix.testApp.exec({
        sql: "select count(*) as n from messages where tip_id = ? and direction = 'hotline'",
        args: [tipId],
      } as never)
    ).rows[0]?.n,
  );

describe.each(Object.entries(ROUTES))("%s", (route, expected) => {
  const [method, pattern] = route.split(" ") as [string, string];
  it.each(cellsOf(expected, TIP_TARGETS))("%s on a tip %s: %i", async (who, target, status) => {
    const tipId = await targetTip(target);
    const path = pattern.replace(":id", tipId);
    const browser = matrix.browsers[who];
    const answer =
      method === "GET"
        ? await browser.get(path)
        : await browser.post(path, {
            ...csrfOf(matrix, who),
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
    const { testApp, browsers, tokens } = matrix;
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
