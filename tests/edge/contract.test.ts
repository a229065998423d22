import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeployment } from "../../server/src/deployments/index.js";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { fieldValue, setupKeyOn, totpCode } from "../fixtures/console.js";
import {
  CATALOGS,
  fillToReview,
  openWidget,
  RECEIPT_SHOWN,
  readReceipt,
  sendFromReview,
  solveStandIn,
} from "../fixtures/e2e-widget.js";
import { type FakeHcaptcha, startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { submission, validTip } from "../fixtures/tips.js";
import { startWebhookReceiver, type WebhookReceiver } from "../fixtures/webhook-receiver.js";
import { httpConsole, openEvents } from "./http-console.js";
import { RATE_LIMIT_MAX, type Runtime, startNodeRuntime, startWorkerRuntime } from "./runtimes.js";

/**
 * The contract: the same cases against the Node server and the Worker under workerd (wrangler dev, a local D1
 * migrated by `wrangler d1 migrations apply`). Each runtime starts once for the file; a case for a new route is
 * one `it` in the block below, and it runs on both.
 */

// Every tip reaches the coordinating agency (the Mauritania deployment's national authority).
const AGENCY = "mr-national-authority";
const SUPERVISOR = { email: "superviseur@hotline.mr", password: "a long and private passphrase" };

type Started = { runtime: Runtime; receiver: WebhookReceiver };
const started = new Map<Runtime["name"], Started>();
let fake: FakeHcaptcha;
const scratch = mkdtempSync(join(tmpdir(), "balagh-contract-"));
let browser: Browser;

const setUp = async (start: (fake: FakeHcaptcha) => Promise<Runtime>) => {
  const [runtime, receiver] = await Promise.all([start(fake), startWebhookReceiver()]);
  const webhook = await runtime.cli(["agencies", "set-webhook", "--agency", AGENCY, "--url", receiver.url(AGENCY)]);
  if (webhook.code !== 0) throw new Error(`set-webhook: ${webhook.stderr}`);
  // The signing secret is printed once, on its own line.
  const secret = webhook.stdout.match(/whsec_[A-Za-z0-9+/=]+/)?.[0];
  if (!secret) throw new Error(`no secret in: ${webhook.stdout}`);
  receiver.secrets.set(AGENCY, secret);
  const staff = await runtime.cli(
    ["create-staff", "--email", SUPERVISOR.email, "--role", "supervisor"],
    `${SUPERVISOR.password}\n`,
  );
  if (staff.code !== 0) throw new Error(`create-staff: ${staff.stderr}`);
  started.set(runtime.name, { runtime, receiver });
};

const RUNTIMES = { node: startNodeRuntime, workerd: startWorkerRuntime };
/** CONTRACT_RUNTIMES=workerd runs one side only, while working on it. */
const chosen = (process.env.CONTRACT_RUNTIMES?.split(",") ?? Object.keys(RUNTIMES)) as (keyof typeof RUNTIMES)[];

beforeAll(async () => {
  [fake, browser] = await Promise.all([startFakeHcaptcha(), launchBrowser()]);
  await Promise.all(chosen.map((name) => setUp(RUNTIMES[name])));
}, 300_000);

afterAll(async () => {
  // CONTRACT_LOGS=<folder> keeps each runtime's output, to see why a case failed.
  if (process.env.CONTRACT_LOGS) {
    mkdirSync(process.env.CONTRACT_LOGS, { recursive: true });
    for (const { runtime } of started.values())
      writeFileSync(join(process.env.CONTRACT_LOGS, `${runtime.name}.log`), runtime.output());
  }
  await Promise.allSettled(
    [...started.values()].flatMap(({ runtime, receiver }) => [runtime.stop(), receiver.close()]),
  );
  await browser?.close();
  await fake?.close();
  rmSync(scratch, { recursive: true, force: true });
});

type ErrorJson = { error: { code: string; message: string } };

describe.each(chosen)("the contract on %s", (name) => {
  let runtime: Runtime;
  let receiver: WebhookReceiver;
  beforeAll(() => {
    const found = started.get(name);
    if (!found) throw new Error(`${name} did not start`);
    ({ runtime, receiver } = found);
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${runtime.url}/api/v1/tips`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const hcaptchaBody = (tip = validTip()) => submission({ provider: "hcaptcha", response: fake.issue() }, tip);
  const tipCount = async () => Number((await runtime.sql("select count(*) as n from tips"))[0]?.n);

  const refused = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|Error:/);
    expect((JSON.parse(text) as ErrorJson).error.code).toBe(code);
  };

  describe("the widget's routes", () => {
    it("/embed.js: JavaScript, gzip when asked, compressed once, not cached", async () => {
      const response = await fetch(`${runtime.url}/embed.js`, { headers: { "Accept-Encoding": "gzip" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
      expect(response.headers.get("Content-Encoding")).toBe("gzip");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      // fetch takes one layer of gzip off: a body compressed twice would still be binary here.
      expect(await response.text()).toMatch(/^\(function\(\)\{/);
    });

    it("/w/demo: the form's page, framed only by the partner's origins", async () => {
      const response = await fetch(`${runtime.url}/w/demo`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toMatch(new RegExp(`frame-ancestors [^;]*${runtime.demoUrl.replaceAll(".", "\\.")}`));
      expect(csp).toContain("default-src 'none'");
      expect(response.headers.get("Permissions-Policy")).toContain("camera=()");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    });

    it("/report/demo: the full page, framed by nobody", async () => {
      const response = await fetch(`${runtime.url}/report/demo`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    });

    it("the page's scripts and styles, and nothing else of the build (the Vite manifest stays private)", async () => {
      const page = await (await fetch(`${runtime.url}/w/demo`)).text();
      const files = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const response = await fetch(`${runtime.url}${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get("Content-Type")).toMatch(/^text\/(javascript|css); charset=utf-8$/);
      }
      for (const path of ["/app/.vite/manifest.json", "/.vite/manifest.json", "/embed/embed.js", "/assets/nope.js"])
        expect((await fetch(`${runtime.url}${path}`)).status, path).toBe(404);
    });

    it("the console's stylesheet, cached for good under its content's name", async () => {
      const page = await (await fetch(`${runtime.url}/console/sign-in`)).text();
      const css = page.match(/href="(\/console\/assets\/console\.[0-9a-f]+\.css)"/)?.[1];
      expect(css).toBeDefined();
      const response = await fetch(`${runtime.url}${css}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    });
  });

  describe("intake", () => {
    it("files a tip with hCaptcha (the fake siteverify) and answers a 20-digit receipt", async () => {
      const before = await tipCount();
      const response = await post(hcaptchaBody());
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ receipt: expect.stringMatching(/^\d{20}$/) });
      expect(await tipCount()).toBe(before + 1);
    });

    it("files a tip with ALTCHA solved as the widget solves it", async () => {
      const challenge = await (await fetch(`${runtime.url}/api/v1/captcha/altcha?partner=demo`)).json();
      const solution = await solveChallenge({
        challenge: challenge as Parameters<typeof solveChallenge>[0]["challenge"],
        deriveKey,
      });
      const payload = btoa(JSON.stringify({ challenge, solution }));
      const response = await post(submission({ provider: "altcha", payload }));
      expect(response.status).toBe(201);
    });

    it("answers a retry with the same Idempotency-Key with the same receipt, and stores the tip once", async () => {
      const key = randomUUID();
      const body = hcaptchaBody();
      const before = await tipCount();
      const first = await post(body, { "Idempotency-Key": key });
      const again = await post(body, { "Idempotency-Key": key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(await again.json()).toEqual(await first.json());
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      expect(await tipCount()).toBe(before + 1);
    });

    it("refuses each malformed request with its status and code, and writes nothing", async () => {
      const before = await tipCount();
      await refused(await post('{"partner": "demo", "tip": {'), 400, "invalid_json");
      await refused(
        await fetch(`${runtime.url}/api/v1/tips`, {
          method: "POST",
          headers: { "Content-Type": "text/plain" },
          body: "{}",
        }),
        415,
        "unsupported_media_type",
      );
      await refused(await post(hcaptchaBody(validTip({ narrative: "x".repeat(70 * 1024) }))), 413, "payload_too_large");
      for (const body of ["{}", "[]", '"tip"', "null"]) await refused(await post(body), 422, "validation_failed");
      await refused(await post(hcaptchaBody(), { "Idempotency-Key": "short" }), 422, "validation_failed");
      await refused(
        await post(submission({ provider: "hcaptcha", response: fake.issue() }, validTip(), "no-such-partner")),
        404,
        "not_found",
      );
      for (const origin of ["https://evil.example", runtime.demoUrl, "null"])
        await refused(await post(hcaptchaBody(), { Origin: origin }), 403, "origin_not_allowed");
      await refused(await post(submission({ provider: "hcaptcha", response: "forged-token" })), 403, "captcha_failed");
      expect(await tipCount()).toBe(before);
    });

    it("answers each body it refuses unread (415, 413), many at a time on kept-alive connections", async () => {
      const huge = JSON.stringify(hcaptchaBody(validTip({ narrative: "x".repeat(70 * 1024) })));
      const notJson = { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" };
      const statusOf = (response: Response | Error) =>
        response instanceof Response ? String(response.status) : String(response.cause ?? response);
      const statuses: string[] = [];
      // A server that closes a connection with a body unread resets it under the client, answer and all.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = 0; i < 25; i++) {
            const refusedType = await fetch(`${runtime.url}/api/v1/tips`, notJson).catch((error: Error) => error);
            statuses.push(statusOf(refusedType));
            if (refusedType instanceof Response) await refusedType.text();
            // Its answer left unread, as a client that looks only at the status does.
            statuses.push(statusOf(await post(huge).catch((error: Error) => error)));
          }
        }),
      );
      expect(statuses.filter((status) => status !== "415" && status !== "413")).toEqual([]);
    });

    it("refuses a replayed hCaptcha token", async () => {
      const token = fake.issue();
      expect((await post(submission({ provider: "hcaptcha", response: token }))).status).toBe(201);
      const replay = await post(
        submission({ provider: "hcaptcha", response: token }, validTip({ narrative: "again" })),
      );
      await refused(replay, 403, "captcha_failed");
    });

    it("503 with Retry-After when siteverify fails, and nothing written", async () => {
      const before = await tipCount();
      fake.setMode("error500");
      try {
        const response = await post(hcaptchaBody());
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
        await refused(response, 503, "service_unavailable");
      } finally {
        fake.setMode("normal");
      }
      expect(await tipCount()).toBe(before);
    });
  });

  describe("delivery", () => {
    const deliveredTo = (count: number) =>
      expect.poll(() => receiver.received.filter((r) => r.verified).length, { timeout: 20_000 }).toBe(count);

    it("sends a new tip's webhook right after its 201, signed with the agency's secret", async () => {
      const before = receiver.received.filter((r) => r.verified).length;
      expect((await post(hcaptchaBody())).status).toBe(201);
      await deliveredTo(before + 1);
      const last = receiver.received.at(-1);
      expect(JSON.parse(last?.body ?? "{}")).toMatchObject({ type: "tip.routed" });
    });

    it("retries a refused delivery from the scheduled run", async () => {
      const before = receiver.received.filter((r) => r.verified).length;
      receiver.answers.push("fail");
      expect((await post(hcaptchaBody())).status).toBe(201);
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(before);
      const waiting = async () =>
        Number(
          (
            await runtime.sql(
              "select count(*) as n from delivery_outbox o join agencies a on a.id = o.agency_id " +
                `where a.slug = '${AGENCY}' and o.status = 'pending' and o.last_error is not null`,
            )
          )[0]?.n,
        );
      await expect.poll(waiting, { timeout: 20_000 }).toBe(1);
      // Neither runtime's clock can be moved from here: the retry's time is brought forward in the database.
      await runtime.sql(
        "update delivery_outbox set next_attempt_at = 0 where status = 'pending' and last_error is not null",
      );
      await runtime.scheduled();
      await deliveredTo(before + 2);
      expect(await waiting()).toBe(0);
    });
  });

  describe("the console", () => {
    let signedIn: ReturnType<typeof httpConsole>;

    it("signs a supervisor in with a password and a TOTP code, and shows the queue with the tips", async () => {
      signedIn = httpConsole(runtime.url);
      const first = await signedIn.post("/console/sign-in", SUPERVISOR);
      expect(first.status).toBe(303);
      const enrol = first.headers.get("Location") ?? "";
      expect(enrol).toMatch(/^\/console\/sign-in\/enrol/);
      const page = await (await signedIn.get(enrol)).text();
      const secret = setupKeyOn(page);
      expect(secret).toBeDefined();
      const landing = await signedIn.post("/console/sign-in/enrol", {
        csrf: fieldValue(page, "csrf") ?? "",
        code: totpCode(secret as string, new Date()),
      });
      expect(landing.status).toBe(303);
      expect((await post(hcaptchaBody())).status).toBe(201);
      const queue = await signedIn.get("/console");
      expect(queue.status).toBe(200);
      const html = await queue.text();
      const [newest] = await runtime.sql("select id from tips order by created_at desc, id desc limit 1");
      expect(html).toContain(`/console/tips/${newest?.id}`);
    });

    it("tells two open queues of a new tip, each over its own event stream", async () => {
      const streams = [await openEvents(runtime.url, signedIn), await openEvents(runtime.url, signedIn)];
      try {
        expect((await post(hcaptchaBody())).status).toBe(201);
        const [newest] = await runtime.sql("select id from tips order by created_at desc, id desc limit 1");
        for (const stream of streams) await stream.waitFor(`event: tip\n`);
        for (const stream of streams) expect(stream.text()).toContain(`"id":"${newest?.id}"`);
      } finally {
        for (const stream of streams) stream.close();
      }
    });
  });

  describe("the operator's commands", () => {
    it("export-deployment, then seed of that file, leave the deployment as it was", async () => {
      const file = join(scratch, `${name}.json`);
      const exported = await runtime.cli(["export-deployment", "round-trip", "--out", file]);
      expect(exported.code, exported.stderr).toBe(0);
      const deployment = JSON.parse(readFileSync(file, "utf8"));
      const mauritania = loadDeployment("mauritania");
      expect(deployment.agencies).toHaveLength(mauritania.agencies.length);
      expect(deployment.rules).toHaveLength(mauritania.rules.length);
      const seeded = await runtime.cli(["seed", file]);
      expect(seeded.code, seeded.stderr).toBe(0);
      const again = await runtime.cli(["export-deployment", "round-trip"]);
      expect(JSON.parse(again.stdout)).toEqual(deployment);
    }, 120_000);
  });

  describe("follow-up", () => {
    const followup = (path: string, init: { method?: string; token?: string; body?: unknown; key?: string } = {}) =>
      fetch(`${runtime.url}/api/v1/followup${path}`, {
        method: init.method ?? "GET",
        headers: {
          ...(init.body !== undefined && { "Content-Type": "application/json" }),
          ...(init.token && { Authorization: `Bearer ${init.token}` }),
          ...(init.key && { "Idempotency-Key": init.key }),
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });

    it("opens a session with the receipt as typed, reads the acknowledgement, sends a message once", async () => {
      const filed = await post(hcaptchaBody());
      const { receipt } = (await filed.json()) as { receipt: string };
      const typed = receipt.replace(/(\d{4})(?!$)/g, "$1 ");
      const session = await followup("/session", { method: "POST", body: { receipt: typed } });
      expect(session.status).toBe(201);
      const { token } = (await session.json()) as { token: string };

      const view = await followup("", { token });
      expect(view.status).toBe(200);
      const seen = (await view.json()) as { status: string; messages: { from: string; automatic: boolean }[] };
      expect(seen.status).toBe("received");
      expect(seen.messages[0]).toMatchObject({ from: "hotline", automatic: true });

      const key = randomUUID();
      const message = { method: "POST", token, key, body: { body: "Ils partent ce soir du port." } };
      const sent = await followup("/messages", message);
      expect(sent.status).toBe(201);
      const again = await followup("/messages", message);
      expect(again.status).toBe(201);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      const after = (await (await followup("", { token })).json()) as { messages: { from: string }[] };
      expect(after.messages.filter((m) => m.from === "reporter")).toHaveLength(1);
    });

    it("answers an unknown receipt 404 and a missing token 401", async () => {
      await refused(
        await followup("/session", { method: "POST", body: { receipt: "1".repeat(20) } }),
        404,
        "not_found",
      );
      const anonymous = await followup("");
      await refused(anonymous, 401, "unauthorized");
    });
  });

  it("a report filed through the widget in Chromium, from the partner page on another origin", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const page = await context.newPage();
      await page.goto(runtime.demoUrl);
      const frame = await openWidget(page);
      const t = CATALOGS.fr;
      await fillToReview(frame, t, { narrative: "Une pirogue surchargée part cette nuit de Nouadhibou." });
      await sendFromReview(frame, t);
      await solveStandIn(frame);
      expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
    } finally {
      await context.close();
    }
  }, 60_000);

  // Last: it spends what is left of the address's allowance.
  it("429 after the limit per client, whatever X-Forwarded-For says", async () => {
    let limited: Response | undefined;
    for (let i = 0; i <= RATE_LIMIT_MAX && !limited; i++) {
      const response = await post(hcaptchaBody(), { "X-Forwarded-For": `198.51.100.${i + 1}` });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(201);
    }
    expect(limited).toBeDefined();
    expect(Number(limited?.headers.get("Retry-After"))).toBeGreaterThan(0);
    await refused(limited as Response, 429, "rate_limited");
  });
});
