import { Hono } from "hono";
import { html } from "hono/html";

/** A stand-in partner website on another origin, embedding the widget exactly as the README tells partners to. */
export const demoPartnerSite = (hotlineUrl: string) => {
  const snippet = `<script async src="${hotlineUrl}/embed.js" data-partner="demo" data-lang="fr"></script>`;
  const csp = `default-src 'self'; script-src ${hotlineUrl}; frame-src ${hotlineUrl}; style-src 'unsafe-inline'`;
  return new Hono().get("/", (c) => {
    c.header("Content-Security-Policy", csp);
    c.header("Cache-Control", "no-store");
    return c.html(html`<!doctype html>
      <html lang="fr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Partenaire de démonstration · Balagh</title>
          <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
            pre { background: #f3f3f3; padding: 1rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
          </style>
        </head>
        <body>
          <h1>Partenaire de démonstration</h1>
          <p>This page stands for a partner website (an NGO, a UN office, the national authority) on another origin.
            Partners add one line to their pages to offer the reporting form:</p>
          <pre><code>${snippet}</code></pre>
          <p>The widget itself is served by the hotline at <a href="${hotlineUrl}">${hotlineUrl}</a>.</p>
        </body>
      </html>`);
  });
};
