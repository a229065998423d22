import { readFormMessage } from "../protocol.js";
import { LOADER_CSS } from "./styles.js";
import { LOADER_TEXT, type LoaderLang } from "./text.js";

type Api = { open(): void; close(): void; q?: ["open" | "close"][] };

const script = document.currentScript as HTMLScriptElement | null;
const data = { ...script?.dataset } as Record<string, string>;
const w = window as unknown as { Balagh?: Api };

if (data.partner && !w.Balagh?.open) {
  const hotline = new URL((script as HTMLScriptElement).src).origin;
  const [launch, closeLabel] = LOADER_TEXT[data.lang as LoaderLang] || LOADER_TEXT.fr;
  const inline = data.mode === "inline";
  // The partner's settings as they are: the hotline reads lang and country (a missing or unknown
  // language is the partner's default one), the form mode=inline, and the rest is ignored.
  const query = new URLSearchParams(data);
  // Partner keys are lower-case letters, digits and dashes (shared/src/tip.ts): nothing to escape.
  const src = `${hotline}/w/${data.partner}?${query}`;

  const el = (tag: string, attrs: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    for (const name in attrs) node.setAttribute(name, attrs[name] as string);
    return node;
  };

  const host = el("div", { "data-balagh": "" });
  // A closed shadow root: the partner's styles cannot reach in, ours cannot leak out.
  const root = host.attachShadow({ mode: "closed" });
  if ("adoptedStyleSheets" in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LOADER_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = el("style");
    style.textContent = LOADER_CSS;
    (root as ShadowRoot).append(style);
  }

  let frame: HTMLElement | null | undefined;
  let dialog: HTMLDialogElement | null | undefined;
  // No type attribute on the buttons: in a shadow root no form of the partner's can own them.
  // The partner's words become class names of our own stylesheet (styles.ts); other words match nothing.
  const launcher = el("button", {
    class: `l ${data.mode} ${data.position}`,
    "aria-haspopup": "dialog",
  });
  launcher.textContent = data.label || launch;

  const makeFrame = () =>
    (frame = el("iframe", {
      src,
      title: launch,
      referrerpolicy: "no-referrer",
      allow: "clipboard-write",
    }));

  const close = () => dialog?.close();

  // A modal <dialog>: the browser makes the partner page inert, closes the dialog on Escape and gives
  // the focus back. Focus wraps between the close button and the form, never out to the browser.
  const open = () => {
    if (!inline && !dialog) {
      // Browsers without <dialog> (Safari before 15.4, Firefox before 98) get the full-page form.
      if (!window.HTMLDialogElement) return location.assign(src.replace("/w/", "/report/"));
      dialog = el("dialog", { "aria-label": launch }) as HTMLDialogElement;
      const closeButton = el("button", { "aria-label": closeLabel });
      closeButton.textContent = "×";
      closeButton.onclick = close;
      const form = makeFrame();
      const wrap = (to: HTMLElement) => Object.assign(el("span", { tabindex: "0" }), { onfocus: () => to.focus() });
      dialog.append(wrap(form), closeButton, form, wrap(closeButton));
      root.append(dialog);
    }
    dialog?.showModal();
    frame?.focus();
  };

  addEventListener("message", (e) => {
    // Only the form's own window on the hotline's origin may steer the loader.
    const m =
      e.source === (frame as HTMLIFrameElement | null)?.contentWindow &&
      e.origin === hotline &&
      readFormMessage(e.data);
    if (!m) return;
    // The form asks for focus once it can take it: focusing the frame before it loaded does nothing.
    if (m.type === "ready") dialog?.open && frame?.focus();
    else if (m.type === "close") close();
    else {
      host.remove();
      // replace(), not assign(): the partner page leaves the history, so Back cannot bring it back.
      location.replace(m.url);
    }
  });

  // The first sign of interest opens the connection to the hotline; nothing is requested before the click.
  launcher.onpointerenter = launcher.onfocus = () => {
    launcher.onpointerenter = launcher.onfocus = null;
    document.head.append(el("link", { rel: "preconnect", href: hotline }));
  };
  launcher.onclick = open;

  const mountInline = () => inline && root.append(makeFrame());
  // A page the back/forward cache restores must not bring a half-written report back: the form's
  // frame goes with the page, and a restored inline page gets a new, empty one.
  addEventListener("pagehide", () => {
    (dialog ?? frame)?.remove();
    dialog = frame = null;
  });
  addEventListener("pageshow", (e) => e.persisted && mountInline());

  mountInline();
  if (!inline) root.append(launcher);
  // A floating launcher is fixed to the screen wherever its host is, so data-target can take it too.
  ((data.target && document.querySelector(data.target)) || document.body).append(host);

  const queued = w.Balagh?.q ?? [];
  w.Balagh = { open, close };
  for (const [call] of queued) w.Balagh[call]?.();
}
