/**
 * Serves the built app (widget/dist/app) the way the hotline will, for looking at it in a browser
 * before or without the real server:
 *   pnpm --filter @balagh/widget build
 *   npx tsx widget/scripts/preview.ts --api http://localhost:8787 [--port 5178]
 *
 * - GET /w/:partner and /report/:partner: an HTML shell like the server's (boot JSON, strict CSP),
 *   with the partner's config fetched from the API;
 * - GET /assets/*: the build;
 * - /api/*: proxied to the API with the API's own Origin, so tips can really be sent;
 * - GET /hcaptcha-stand-in.js: a local stand-in for hCaptcha's api.js (a button that yields a
 *   fresh token each time), used when the page is opened with ?hcaptcha=stand-in;
 * - GET /parent: a page that frames /w/:partner and records the app's postMessage traffic;
 * - POST /siteverify: a stand-in for hCaptcha's siteverify that accepts the stand-in's tokens
 *   (start the API with HCAPTCHA_VERIFY_URL=http://127.0.0.1:5178/siteverify to use it).
 */
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values } = parseArgs({
  options: {
    api: { type: "string", default: "http://localhost:8787" },
    port: { type: "string", default: "5178" },
    host: { type: "string", default: "127.0.0.1" },
  },
});
const api = new URL(values.api as string);
const dist = fileURLToPath(new URL("../dist/app/", import.meta.url));
const manifestPath = join(dist, ".vite/manifest.json");
if (!existsSync(manifestPath)) throw new Error("no build: run `pnpm --filter @balagh/widget build` first");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
};

const entry = () => {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, { file: string; css?: string[] }>;
  const main = manifest["src/app/main.tsx"];
  if (!main) throw new Error("manifest has no src/app/main.tsx entry");
  return main;
};

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const shell = async (res: ServerResponse, partner: string, mode: "iframe" | "page", query: URLSearchParams) => {
  const reply = await fetch(new URL(`/api/v1/partners/${encodeURIComponent(partner)}/config`, api));
  if (!reply.ok) {
    res.writeHead(reply.status, { "Content-Type": "text/plain" }).end(`config: HTTP ${reply.status}`);
    return;
  }
  const config = await reply.json();
  // The challenge URL points at the API's origin; through this proxy it must stay same-origin.
  if (config.captcha?.altcha)
    config.captcha.altcha.challengeUrl =
      new URL(config.captcha.altcha.challengeUrl).pathname + new URL(config.captcha.altcha.challengeUrl).search;
  if (query.get("captcha") === "altcha") config.captcha.hcaptcha = null;
  const lang = query.get("lang") ?? config.defaultLanguage;
  const boot = {
    config,
    mode,
    lang,
    country: query.get("country"),
    hcaptchaScriptUrl:
      query.get("hcaptcha") === "stand-in" ? "/hcaptcha-stand-in.js" : "https://js.hcaptcha.com/1/api.js",
  };
  const { file, css = [] } = entry();
  res.writeHead(200, {
    "Content-Type": TYPES[".html"],
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
  });
  res.end(`<!doctype html><html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Balagh</title>
${css.map((href) => `<link rel="stylesheet" href="/${href}">`).join("")}<script type="module" src="/${file}"></script></head>
<body><div id="balagh-app"></div><script type="application/json" id="balagh-boot">${escapeJson(boot)}</script></body></html>`);
};

// Speaks the part of hCaptcha's client API the app uses: render(), remove(), the onload callback.
const STAND_IN = `(() => {
  const widgets = new Map();
  let next = 0;
  window.hcaptcha = {
    render(container, params) {
      const id = String(++next);
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "I am human (hCaptcha stand-in)";
      button.addEventListener("click", () => { button.textContent = "✓ verified"; params.callback("stand-in-" + crypto.randomUUID()); });
      container.appendChild(button);
      widgets.set(id, button);
      return id;
    },
    remove(id) { widgets.get(id)?.remove(); widgets.delete(id); },
    reset() {},
    getResponse() { return ""; },
  };
  const onload = new URL(document.currentScript.src).searchParams.get("onload");
  if (onload && typeof window[onload] === "function") window[onload]();
})();`;

const PARENT_JS = `window.__balagh = [];
addEventListener("message", (event) => { if (event.data && event.data.source === "balagh") window.__balagh.push(event.data); });`;

const proxy = async (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string" && !["host", "connection", "origin", "content-length"].includes(name)) {
      headers.set(name, value);
    }
  }
  if (req.headers.origin) headers.set("origin", api.origin);
  try {
    const reply = await fetch(new URL(req.url ?? "/", api), {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const out: Record<string, string> = {};
    reply.headers.forEach((value, name) => {
      if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name)) out[name] = value;
    });
    res.writeHead(reply.status, out).end(Buffer.from(await reply.arrayBuffer()));
  } catch {
    res
      .writeHead(502, { "Content-Type": "application/json" })
      .end('{"error":{"code":"service_unavailable","message":"API down"}}');
  }
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://preview");
  const page = /^\/(w|report)\/([a-z0-9-]+)$/.exec(url.pathname);
  if (page) return void shell(res, page[2] as string, page[1] === "w" ? "iframe" : "page", url.searchParams);
  if (url.pathname.startsWith("/api/")) return void proxy(req, res);
  if (url.pathname === "/hcaptcha-stand-in.js")
    return void res.writeHead(200, { "Content-Type": TYPES[".js"] }).end(STAND_IN);
  if (url.pathname === "/siteverify" && req.method === "POST") {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const success = /^stand-in-[0-9a-f-]{36}$/.test(new URLSearchParams(body).get("response") ?? "");
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ success }));
    });
    return;
  }
  if (url.pathname === "/parent.js") return void res.writeHead(200, { "Content-Type": TYPES[".js"] }).end(PARENT_JS);
  if (url.pathname === "/parent") {
    const src = `/w/${url.searchParams.get("partner") ?? "demo"}?${url.searchParams}`;
    return void res
      .writeHead(200, { "Content-Type": TYPES[".html"] })
      .end(
        `<!doctype html><title>parent</title><script src="/parent.js"></script><iframe title="Balagh" src="${src}" width="360" height="640"></iframe>`,
      );
  }
  if (url.pathname.startsWith("/assets/")) {
    const path = normalize(join(dist, url.pathname));
    if (!path.startsWith(dist) || !existsSync(path)) return void res.writeHead(404).end();
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"]))) {
      res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", "Content-Encoding": "gzip" });
      return void res.end(gzipSync(readFileSync(path)));
    }
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    return void createReadStream(path).pipe(res);
  }
  res.writeHead(404).end();
});

server.listen(Number(values.port), values.host as string, () => {
  console.log(`preview: http://${values.host}:${values.port}/report/demo  (API ${api.origin})`);
});
