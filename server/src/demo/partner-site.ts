import { Hono } from "hono";
import { html, raw } from "hono/html";

/** A stand-in partner website on another origin, embedding the widget exactly as the README tells partners to. */
export const demoPartnerSite = (hotlineUrl: string) => {
  const snippet = `<script async src="${hotlineUrl}/embed.js" data-partner="demo" data-lang="fr"></script>`;
  // The strictest policy a partner could run: only the hotline may add scripts and frames.
  const csp = `default-src 'self'; script-src ${hotlineUrl}; frame-src ${hotlineUrl}; style-src 'unsafe-inline'; img-src 'self'`;
  return new Hono().get("/", (c) => {
    c.header("Content-Security-Policy", csp);
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.html(html`<!doctype html>
      <html lang="fr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Association partenaire (démonstration)</title>
          <style>
            body { font: 17px/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 6rem; color: #1a1a1a; }
            pre { background: #f3f3f3; padding: 1rem; white-space: pre-wrap; word-break: break-all; font-size: 14px; }
          </style>
        </head>
        <body>
          <h1>Association partenaire</h1>
          <p>Cette page représente le site d'un partenaire (une ONG, un bureau des Nations unies, l'instance nationale)
            sur une autre origine que la ligne d'assistance. Le bouton « Signaler une situation » ouvre le formulaire,
            servi par la ligne d'assistance : cette page ne peut pas lire ce qui y est écrit.</p>
          <p>Les partenaires ajoutent une seule ligne à leurs pages :</p>
          <pre><code>${snippet}</code></pre>
          ${raw(snippet)}
        </body>
      </html>`);
  });
};
