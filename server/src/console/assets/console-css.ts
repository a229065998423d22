/**
 * The console's only stylesheet, served by the app itself (no file system, so it runs on Workers).
 * Patterns and colours follow the GOV.UK Design System; logical properties (inline-start/end) make
 * one sheet serve French and English left to right and Arabic right to left.
 */
export const CONSOLE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; background: #f3f2f1; }
body {
  margin: 0; min-height: 100vh; display: flex; flex-direction: column; background: #fff; color: #0b0c0c;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem; line-height: 1.5;
}
:lang(ar) body, body:lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, system-ui, sans-serif; line-height: 1.7; }
@media (min-width: 641px) { body { font-size: 1.1875rem; } }

a { color: #1d70b8; text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:hover { color: #003078; text-decoration-thickness: 3px; }
:focus { outline: none; }
a:focus-visible, .link-button:focus-visible {
  background: #ffdd00; color: #0b0c0c; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none;
}
input:focus-visible, textarea:focus-visible, select:focus-visible {
  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c;
}

.visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
  padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important;
}
.skip-link { position: absolute; inset-inline-start: 0; top: 0; padding: 10px 15px; z-index: 10; }
.skip-link:not(:focus):not(:active) {
  width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}

.width-container { width: 100%; max-width: 960px; margin-inline: auto; padding-inline: 15px; }
@media (min-width: 641px) { .width-container { padding-inline: 30px; } }

.header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; }
.header__bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 5px 20px; padding-block: 10px; }
.header__service { color: #fff; font-weight: 700; font-size: 1.125rem; text-decoration: none; display: inline-flex; align-items: center; min-height: 44px; }
.header__service:visited, .header__service:hover { color: #fff; }
.header__who { margin: 0; color: #fff; overflow-wrap: anywhere; }
.header__nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0 20px; }
.header a, .header a:visited, .header .link-button { color: #fff; }
.header a:focus-visible, .header .link-button:focus-visible { color: #0b0c0c; }
.stream-ended { border: 5px solid #d4351c; padding: 15px; margin-block: 20px; font-weight: 700; }
.stream-ended[hidden] { display: none; }
.section-nav__list { display: flex; flex-wrap: wrap; gap: 0 20px; margin: 0; padding: 0 0 5px; list-style: none; }
.section-nav__list a { display: inline-flex; align-items: center; min-height: 44px; font-weight: 700; }

.language-switch { background: #f3f2f1; border-bottom: 1px solid #b1b4b6; }
.language-switch__list { display: flex; flex-wrap: wrap; align-items: center; gap: 0 20px; margin: 0; padding: 0; list-style: none; }
.language-switch__list > li { display: flex; align-items: center; min-height: 44px; }
.language-switch__label { margin-inline-end: 5px; }
.language-switch a, .language-switch .link-button { display: inline-flex; align-items: center; min-height: 44px; }
.language-switch [aria-current] { font-weight: 700; }
.language-switch form { display: contents; }

.link-button {
  font: inherit; color: #1d70b8; background: none; border: 0; padding: 0; margin: 0; min-height: 44px;
  text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer;
}
.link-button:hover { text-decoration-thickness: 3px; }
.inline-form { display: inline; margin: 0; }

main { flex: 1; padding-block: 20px 40px; }
@media (min-width: 641px) { main { padding-block: 40px 60px; } }
.narrow { max-width: 40em; }

h1 { font-size: 2rem; line-height: 1.15; margin: 0 0 20px; }
@media (min-width: 641px) { h1 { font-size: 2.5rem; margin-bottom: 30px; } }
h2 { font-size: 1.5rem; line-height: 1.2; margin: 30px 0 15px; }
p, ol, ul { margin: 0 0 20px; }
.lead { font-size: 1.125em; }
.hint { color: #505a5f; margin: 0 0 15px; }

.button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 44px; padding: 8px 15px;
  margin: 0 0 20px; font: inherit; font-weight: 400; line-height: 1.2; color: #fff; background: #00703c;
  border: 2px solid transparent; border-radius: 0; box-shadow: 0 2px 0 #002d18; cursor: pointer; text-decoration: none;
}
.button:hover { background: #005a30; }
.button:focus-visible { background: #ffdd00; color: #0b0c0c; border-color: #ffdd00; outline: 3px solid transparent; box-shadow: inset 0 0 0 1px #ffdd00, 0 2px 0 #0b0c0c; }
.button--secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
.button--secondary:hover { background: #dbdad9; }
.button--warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
.button--warning:hover { background: #aa2a16; }
@media (max-width: 640px) { .button { width: 100%; } }

.form-group { margin-bottom: 30px; }
.form-group--error { border-inline-start: 5px solid #d4351c; padding-inline-start: 15px; }
.label { display: block; font-weight: 700; margin-bottom: 5px; }
.error-message { display: block; color: #d4351c; font-weight: 700; margin: 0 0 15px; }
.input {
  display: block; width: 100%; max-width: 30em; min-height: 44px; padding: 5px 8px; font: inherit;
  border: 2px solid #0b0c0c; border-radius: 0; background: #fff; color: #0b0c0c;
}
.input--code { max-width: 9em; letter-spacing: 0.15em; font-variant-numeric: tabular-nums; }
.input--error { border-color: #d4351c; }

.error-summary { border: 5px solid #d4351c; padding: 15px; margin-bottom: 30px; }
@media (min-width: 641px) { .error-summary { padding: 20px; } }
.error-summary:focus-visible { outline: 3px solid #ffdd00; }
.error-summary__title { margin-top: 0; font-size: 1.25rem; }
.error-summary ul { margin: 0; padding: 0; list-style: none; }
.error-summary a, .error-summary a:visited { color: #d4351c; font-weight: 700; }

.notice { border: 5px solid #1d70b8; padding: 15px; margin-bottom: 30px; }
.notice p:last-child { margin-bottom: 0; }

.steps { padding-inline-start: 1.5em; }
.steps > li { margin-bottom: 15px; }
.qr { display: block; width: min(100%, 240px); height: auto; margin: 10px 0 15px; border: 1px solid #b1b4b6; }
.setup-key {
  display: inline-block; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 1.125em;
  letter-spacing: 0.05em; word-spacing: 0.3em; background: #f3f2f1; padding: 5px 10px; overflow-wrap: anywhere;
}

.summary-list { margin: 0 0 30px; }
.summary-list > div { display: flex; flex-wrap: wrap; gap: 0 20px; border-bottom: 1px solid #b1b4b6; padding-block: 10px; }
.summary-list dt { font-weight: 700; min-width: 12em; }
.summary-list dd { margin: 0; overflow-wrap: anywhere; }

.footer { background: #f3f2f1; border-top: 1px solid #b1b4b6; padding-block: 20px; color: #505a5f; }
`;
