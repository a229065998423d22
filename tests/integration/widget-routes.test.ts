import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWidgetBuild } from "../../server/src/node/widget-build.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";

let dist: string;
let t: TestApp;

// A small build laid out exactly as Vite and the loader build write it.
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "balagh-dist-"));
  mkdirSync(join(dist, "app", ".vite"), { recursive: true });
  mkdirSync(join(dist, "app", "assets"), { recursive: true });
  mkdirSync(join(dist, "embed"), { recursive: true });
  writeFileSync(join(dist, "app", "assets", "main-abc.js"), "console.log('app')");
  writeFileSync(join(dist, "app", "assets", "main-abc.css"), "body{}");
  writeFileSync(join(dist, "embed", "embed.js"), "/* loader */");
  writeFileSync(join(dist, "secret.txt"), "outside the assets folder");
  writeFileSync(
    join(dist, "app", ".vite", "manifest.json"),
    JSON.stringify({
      "src/app/main.tsx": { file: "assets/main-abc.js", css: ["assets/main-abc.css"], isEntry: true },
      "../shared/src/i18n/ar.ts": { file: "assets/ar-123.js" },
      "../shared/src/i18n/fr.ts": { file: "assets/fr-456.js" },
    }),
  );
  t = await createTestApp({ widget: loadWidgetBuild(dist) });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const boot = (page: string) =>
  JSON.parse(/<script type="application\/json" id="balagh-boot">(.*?)<\/script>/s.exec(page)?.[1] ?? "null");

describe("GET /w/:partnerKey", () => {
  it("serves the app shell that only the partner's origins may frame, with no cache and no referrer", async () => {
    const res = await t.app.request("/w/demo?lang=ar&country=SN");
    expect(res.status).toBe(200);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors http://127.0.0.1:8788");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self' https:\/\/hcaptcha\.com https:\/\/\*\.hcaptcha\.com;/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(res.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const page = await res.text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<script type="module" src="/assets/main-abc.js"></script>');
    expect(page).toContain('<link rel="stylesheet" href="/assets/main-abc.css" />');
    expect(page).toContain('<link rel="modulepreload" href="/assets/ar-123.js" />');
    expect(page).not.toContain("fr-456");
    expect(boot(page)).toMatchObject({ mode: "iframe", lang: "ar", country: "SN", config: { partner: "demo" } });
  });

  it("falls back to the partner's language and no country for values it does not offer", async () => {
    const page = await (await t.app.request("/w/demo?lang=de&country=<script>")).text();
    expect(boot(page)).toMatchObject({ lang: "fr", country: null });
    expect(page).toContain('<html lang="fr" dir="ltr">');
  });

  it("keeps partner-supplied text inert inside the page", async () => {
    const name = String((await t.exec("select name from partners where key = 'demo'")).rows[0]?.name);
    await t.exec(`update partners set name = '</script><script>alert(1)</script>' where key = 'demo'`);
    try {
      const page = await (await t.app.request("/w/demo")).text();
      expect(page).not.toContain("<script>alert(1)");
      expect(boot(page).config.name).toBe("</script><script>alert(1)</script>");
    } finally {
      // The other tests share this partner row: put it back even when an assertion fails.
      await t.client.execute({ sql: "update partners set name = ? where key = 'demo'", args: [name] });
    }
  });

  it("answers 404 for an unknown partner and 422 for a malformed key", async () => {
    expect((await t.app.request("/w/nobody")).status).toBe(404);
    expect((await t.app.request("/w/..%2F..%2Fetc")).status).toBe(422);
  });
});

describe("GET /report/:partnerKey", () => {
  it("is the same app as a full page that nobody may frame", async () => {
    const res = await t.app.request("/report/demo");
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(boot(await res.text())).toMatchObject({ mode: "page" });
  });
});

describe("static files", () => {
  it("serves the loader and the app's assets with their types", async () => {
    const loader = await t.app.request("/embed.js");
    expect(loader.status).toBe(200);
    expect(loader.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(await loader.text()).toBe("/* loader */");
    expect((await t.app.request("/assets/main-abc.css")).headers.get("Content-Type")).toBe("text/css; charset=utf-8");
  });

  // The URL parser resolves dot segments before routing, so these reach the route already cleaned:
  // the guard itself is tested with raw paths in server/src/node/widget-build.test.ts.
  it("serves nothing outside the build's assets folder over HTTP either", async () => {
    for (const path of [
      "/assets/..%5C..%5Csecret.txt",
      "/assets/../../secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/assets/..%2F..%2Fsecret.txt",
      "/assets/nope.js",
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("outside the assets folder");
    }
  });

  it("answers 503 when the widget is not built", async () => {
    const bare = await createTestApp();
    try {
      expect((await bare.app.request("/w/demo")).status).toBe(503);
      expect((await bare.app.request("/embed.js")).status).toBe(503);
    } finally {
      await bare.close();
    }
  });
});

describe("compression", () => {
  it("gzips the form's page and files for a slow line, and never an API answer", async () => {
    const gzip = { "Accept-Encoding": "gzip" };
    const page = await t.app.request("/w/demo", { headers: gzip });
    expect(page.headers.get("Content-Encoding")).toBe("gzip");
    expect(page.headers.get("Content-Security-Policy")).toContain("frame-ancestors");
    const config = await t.app.request("/api/v1/partners/demo/config", { headers: gzip });
    expect(config.headers.get("Content-Encoding")).toBeNull();
  });
});
