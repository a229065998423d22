import { consoleCatalogs } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../server/src/env.js";
import { naughtyStrings } from "../fixtures/blns.js";
import { addStaff, type ConsoleBrowser, consoleBrowser, manualClock, signIn } from "../fixtures/console.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

const fr = consoleCatalogs.fr;
const PASSWORD = "a long and private passphrase";
const MEMBERS = {
  supervisor: { email: "superviseur@hotline.mr", role: "supervisor" },
  childAgent: { email: "enfance@hotline.mr", role: "agent", agency: "mr-child-protection" },
  labourAgent: { email: "travail@hotline.mr", role: "agent", agency: "mr-labour-inspection" },
  admin: { email: "lead@hotline.mr", role: "admin" },
  auditor: { email: "audit@hotline.mr", role: "auditor" },
} as const;
type Member = keyof typeof MEMBERS;

// DOMAIN.md and the Mauritania deployment: a child begging for a marabout reaches child
// protection, not labour inspection; an adult's forced labour on a boat reaches labour inspection.
const TALIBE = validTip();
const ADULT_FISHING = validTip({
  situations: ["forced_labour_fishing"],
  childInvolved: "no",
  indicators: ["wages_withheld"],
  narrative: "Des hommes travaillent sur un bateau de pêche sans salaire depuis des mois.",
});
const TALIBE_IN_DANGER = validTip({ dangerNow: "yes" });

let t: TestApp;
const browsers = {} as Record<Member, ConsoleBrowser>;
const ids = { talibe: [] as string[], adultFishing: [] as string[], p0: [] as string[] };

const newestTipId = async () =>
  String((await t.exec("select id from tips order by created_at desc, id desc limit 1")).rows[0]?.id);

const file = async (tip: ReturnType<typeof validTip>) => {
  expect((await t.post(t.body(tip))).status).toBe(201);
  return newestTipId();
};

/** The tips a queue page lists, in its order, as ids and priorities. */
const linesOf = (html: string) =>
  [...html.matchAll(/<li class="queue-item[^"]*" data-priority="(P\d)" data-tip-id="([0-9a-f-]{36})"/g)].map((m) => ({
    priority: m[1] ?? "",
    id: m[2] ?? "",
  }));
const idsOn = (html: string) => linesOf(html).map((l) => l.id);
const queue = async (who: Member, query = "") => {
  const response = await browsers[who].get(`/console${query}`);
  expect(response.status, `${who} ${query}`).toBe(200);
  return response.text();
};
const nextHrefOf = (html: string) => html.match(/<a href="([^"]+)" rel="next"/)?.[1]?.replaceAll("&amp;", "&") ?? null;

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, member] of Object.entries(MEMBERS)) {
    await addStaff(t, { ...member, password: PASSWORD });
    const browser = consoleBrowser(t, { clientAddress: `198.51.100.${Object.keys(browsers).length + 10}` });
    await signIn(browser, { email: member.email, password: PASSWORD }, () => new Date());
    browsers[name as Member] = browser;
  }
  for (let i = 0; i < 2; i++) ids.talibe.push(await file(TALIBE));
  for (let i = 0; i < 2; i++) ids.adultFishing.push(await file(ADULT_FISHING));
  ids.p0.push(await file(TALIBE_IN_DANGER));
}, 60_000);
afterAll(() => t.close());

describe("the queue, for each role", () => {
  it("shows a supervisor every open tip, most urgent first, then oldest first, with counts per priority", async () => {
    const html = await queue("supervisor");
    const lines = linesOf(html);
    expect(lines.map((l) => l.id).sort()).toEqual([...ids.talibe, ...ids.adultFishing, ...ids.p0].sort());
    expect(lines[0]?.id).toBe(ids.p0[0]);
    const priorities = lines.map((l) => l.priority);
    expect(priorities).toEqual([...priorities].sort());
    expect(lines.filter((l) => l.id !== ids.p0[0] && ids.talibe.includes(l.id)).map((l) => l.id)).toEqual(ids.talibe);
    const countOf = (p: string) => Number(html.match(new RegExp(`data-count="${p}">(\\d+)<`))?.[1]);
    for (const p of ["P0", "P1", "P2", "P3"]) expect(countOf(p), p).toBe(priorities.filter((x) => x === p).length);
    expect(html).toContain(`href="/console/tips/${ids.p0[0]}"`);
  });

  it("shows an agent only the tips routed to their agency, even when the filter names another agency", async () => {
    expect((await queue("childAgent")).match(/data-tip-id/g)).toHaveLength(3);
    expect(idsOn(await queue("childAgent")).sort()).toEqual([...ids.talibe, ...ids.p0].sort());
    expect(idsOn(await queue("labourAgent")).sort()).toEqual([...ids.adultFishing].sort());
    expect(idsOn(await queue("childAgent", "?agency=mr-labour-inspection"))).toEqual([]);
    expect(idsOn(await queue("childAgent", "?agency=mr-labour-inspection&status=all"))).toEqual([]);
    expect(idsOn(await queue("labourAgent", "?situation=child_forced_begging"))).toEqual([]);
  });

  it("gives admins and auditors a page saying tips are not theirs, and no stream", async () => {
    for (const who of ["admin", "auditor"] as const) {
      const html = await queue(who);
      expect(html).toContain(fr["queue.noTips.title"]);
      expect(html).not.toContain("data-tip-id");
      expect(html).toContain('href="/console/audit"');
      expect((await browsers[who].get("/console/events")).status).toBe(204);
    }
  });

  it("sends a visitor without a session to sign in, and refuses them the stream with 204 (EventSource stops)", async () => {
    const stranger = consoleBrowser(t);
    const response = await stranger.get("/console");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toMatch(/^\/console\/sign-in/);
    expect((await stranger.get("/console/events")).status).toBe(204);
  });
});

describe("filters", () => {
  it("filter on priority, situation, child, agency and dates, and keep their values in the form", async () => {
    const p0 = await queue("supervisor", "?priority=P0");
    expect(idsOn(p0)).toEqual(ids.p0);
    expect(p0).toMatch(/<input type="checkbox" id="filter-priority-P0" name="priority" value="P0" checked=""/);
    const fishing = await queue("supervisor", "?situation=forced_labour_fishing&child=no");
    expect(idsOn(fishing).sort()).toEqual([...ids.adultFishing].sort());
    expect(fishing).toMatch(/<option value="forced_labour_fishing" selected=""/);
    expect(fishing).toMatch(/<option value="no" selected=""/);
    expect(idsOn(await queue("supervisor", "?agency=mr-labour-inspection")).sort()).toEqual(
      [...ids.adultFishing].sort(),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(idsOn(await queue("supervisor", `?from=${today}&to=${today}`))).toHaveLength(5);
    const dated = await queue("supervisor", "?to=2020-01-01");
    expect(idsOn(dated)).toEqual([]);
    expect(dated).toContain(fr["queue.empty"]);
    expect(dated).toMatch(/name="to" value="2020-01-01"/);
  });

  it("ignores values that are not among the choices, says so, and never fails", async () => {
    const query =
      "?priority=P7&priority=P0&situation=%3Cscript%3Ealert(1)%3C%2Fscript%3E&child=maybe&agency=nope&from=2026-13-45&country=ZZ&status=%00";
    const response = await browsers.supervisor.get(`/console${query}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(idsOn(html)).toEqual(ids.p0);
    expect(html).toContain('class="error-summary"');
    for (const field of ["situation", "child", "agency", "from", "country", "status"]) {
      expect(html, field).toContain(`id="filter-${field}-error"`);
    }
    expect(html).not.toContain("<script>alert(1)");
  });
});

describe("keyset pagination", () => {
  it("walks every open tip once, page after page, and a tampered cursor starts again from the first page", async () => {
    for (let i = 0; i < 56; i++) await file(i % 2 ? TALIBE : ADULT_FISHING);
    const all = (await t.exec("select id from tips where status in ('received', 'in_review', 'referred')")).rows.map(
      (r) => String(r.id),
    );
    const seen: string[] = [];
    let href: string | null = "/console";
    let pages = 0;
    while (href) {
      const html = await queue("supervisor", href.replace("/console", ""));
      const page = idsOn(html);
      expect(page.length).toBeLessThanOrEqual(50);
      seen.push(...page);
      href = nextHrefOf(html);
      pages++;
    }
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.sort());

    const first = idsOn(await queue("supervisor"));
    const second = nextHrefOf(await queue("supervisor")) ?? "";
    const cursor = new URL(second, "http://x").searchParams.get("after") ?? "";
    const wellFormedButWrong = Buffer.from(JSON.stringify(["P0' or 1=1", "soon", { id: 1 }])).toString("base64url");
    for (const tampered of [`${cursor.slice(0, -2)}!!`, "eyJ4IjoxfQ", "%7B%7D", "a".repeat(500), wellFormedButWrong]) {
      expect(idsOn(await queue("supervisor", `?after=${tampered}`)), tampered).toEqual(first);
    }
    // A filtered next page keeps its filters.
    const filtered = nextHrefOf(await queue("supervisor", "?country=MR&status=all")) ?? "";
    expect(filtered).toMatch(/^\/console\?status=all&country=MR&after=/);
    expect(idsOn(await queue("supervisor", filtered.replace("/console", "")))).toEqual(seen.slice(50));
  }, 60_000);
});

/** Reads server-sent events off a streamed response, one `tip` event at a time. */
const eventReader = (response: Response) => {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    nextTip: async (): Promise<{ id: string; priority: string | null }> => {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: tip$/m.test(block)) return JSON.parse(block.match(/^data: (.*)$/m)?.[1] ?? "null");
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
};

describe("the live stream", () => {
  it("tells each open queue of new tips in its scope only, as event-stream that is never stored", async () => {
    const supervisorStream = await browsers.supervisor.get("/console/events");
    const labourStream = await browsers.labourAgent.get("/console/events");
    expect(supervisorStream.status).toBe(200);
    expect(supervisorStream.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    expect(supervisorStream.headers.get("Cache-Control")).toBe("no-store");
    const supervisor = eventReader(supervisorStream);
    const labour = eventReader(labourStream);
    try {
      const talibe = await file(TALIBE_IN_DANGER);
      const fishing = await file(ADULT_FISHING);
      expect(await supervisor.nextTip()).toMatchObject({ id: talibe, priority: "P0" });
      expect((await supervisor.nextTip()).id).toBe(fishing);
      // The labour inspectorate's stream skips the child's tip: its first event is the later one.
      expect((await labour.nextTip()).id).toBe(fishing);
    } finally {
      await supervisor.cancel();
      await labour.cancel();
    }
  }, 20_000);
});

describe("hostile free text", () => {
  it("never reaches the queue's markup: a tip whose every free-text field holds script, markup and bidi payloads", async () => {
    const FORBIDDEN = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Surrogate}/u;
    const hostile = naughtyStrings().filter((s) => /[<>"'&]|script|\u200F|\u200E/i.test(s) && !FORBIDDEN.test(s));
    const short = (i: number) =>
      hostile
        .slice(i * 8, i * 8 + 8)
        .join(" ")
        .slice(0, 480);
    const narrative = hostile.join("\n").slice(0, 9_000);
    expect(hostile.length).toBeGreaterThan(50);
    const tip = validTip({
      narrative,
      location: { country: "MR", region: short(0), town: short(1), place: short(2) },
      people: { count: 2, languages: short(3) },
      details: { suspects: short(4), vehicles: short(5), boats: short(6), phoneNumbers: short(7), places: short(8) },
      disclosure: "confidential",
      contact: { name: short(9), means: short(10), safeToContact: "yes", safeTimes: short(11) },
    });
    const id = await file(tip);
    const html = await queue("supervisor", "?status=all&child=yes&priority=P1&priority=P2&priority=P3&priority=P0");
    expect(html).toContain(`data-tip-id="${id}"`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<(img|svg|iframe|object|embed|style)\b/i);
    for (const payload of hostile.filter((s) => s.length > 6)) expect(html.includes(payload), payload).toBe(false);
  });
});

describe("the overdue badge", () => {
  it("marks a P0 overdue after 15 minutes, not before, on the app's clock", async () => {
    const clock = manualClock(new Date());
    const app = await createTestApp({ now: clock.now });
    try {
      await addStaff(app, { ...MEMBERS.supervisor, password: PASSWORD });
      const browser = consoleBrowser(app);
      await signIn(browser, { email: MEMBERS.supervisor.email, password: PASSWORD }, clock.now);
      expect((await app.post(app.body(TALIBE_IN_DANGER))).status).toBe(201);
      const overdueLines = async () =>
        ((await (await browser.get("/console")).text()).match(/class="tag tag--overdue"/g) ?? []).length;
      clock.advance(14 * 60_000);
      expect(await overdueLines()).toBe(0);
      clock.advance(2 * 60_000);
      expect(await overdueLines()).toBe(1);
    } finally {
      await app.close();
    }
  });

  it("reads other targets from QUEUE_TARGETS, and refuses one it cannot read", () => {
    const env = parseEnv({ QUEUE_TARGETS: "P0=5m, P2=3d" });
    expect(env.queueTargets).toEqual({ P0: 5 * 60_000, P2: 3 * 86_400_000 });
    expect(parseEnv({}).queueTargets).toEqual({});
    for (const bad of ["P0=15", "P5=1h", "P0=-1m", "P1=24 hours"]) {
      expect(() => parseEnv({ QUEUE_TARGETS: bad }), bad).toThrow(EnvError);
    }
  });
});
