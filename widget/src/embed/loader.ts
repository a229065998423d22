import { LOADER_TEXT, type LoaderLang } from "./messages.js";
import { LOADER_CSS } from "./styles.js";

type Message = { source: "balagh"; type: "ready" | "close" | "exit"; url?: string };
type Api = { open(): void; close(): void; q?: ["open" | "close"][] };

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const w = window as unknown as { Balagh?: Api };

if (script && data.partner && !w.Balagh?.open) {
  const hotline = new URL(script.src).origin;
  const lang = (data.lang && data.lang in LOADER_TEXT ? data.lang : "fr") as LoaderLang;
  const text = LOADER_TEXT[lang];
  const mode = data.mode === "inline" || data.mode === "button" ? data.mode : "floating";
  const target = data.target ? document.querySelector(data.target) : null;
  const query = new URLSearchParams({
    lang,
    ...(data.country ? { country: data.country } : {}),
    ...(mode === "inline" ? { display: "inline" } : {}),
  });
  const src = `${hotline}/w/${encodeURIComponent(data.partner)}?${query}`;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, attrs: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    node.className = className;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };

  const host = el("div", "", { "data-balagh": "" });
  // A closed shadow root: the partner's styles cannot reach in, ours cannot leak out.
  const root = host.attachShadow({ mode: "closed" });
  if ("adoptedStyleSheets" in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LOADER_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    (root as ShadowRoot).append(Object.assign(document.createElement("style"), { textContent: LOADER_CSS }));
  }

  let frame: HTMLIFrameElement | null = null;
  let overlay: HTMLElement | null = null;
  const launcher = el(
    "button",
    `l${mode === "button" ? " b" : ""}${/^(left|start)$/.test(data.position ?? "") ? " s" : ""}`,
    {
      type: "button",
      "aria-haspopup": "dialog",
    },
  );
  launcher.textContent = data.label || text.launch;

  const makeFrame = (className: string) =>
    el("iframe", className, {
      src,
      title: text.frame,
      referrerpolicy: "no-referrer",
      allow: "clipboard-write",
    }) as HTMLIFrameElement;

  const close = () => {
    if (!overlay) return;
    overlay.hidden = true;
    document.removeEventListener("keydown", onKey, true);
    launcher.focus();
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") close();
  };

  const open = () => {
    if (mode === "inline") return frame?.focus();
    if (!overlay) {
      overlay = el("div", "o");
      const dialog = el("div", "d", { role: "dialog", "aria-modal": "true", "aria-label": text.frame });
      const closeButton = el("button", "c", { type: "button", "aria-label": text.close });
      closeButton.textContent = "×";
      closeButton.onclick = close;
      frame = makeFrame("f");
      // Focus wraps between the close button and the form while the dialog is open.
      const wrap = (to: () => HTMLElement) => {
        const sentinel = el("span", "", { tabindex: "0" });
        sentinel.onfocus = () => to().focus();
        return sentinel;
      };
      const current = frame;
      dialog.append(
        wrap(() => current),
        closeButton,
        current,
        wrap(() => closeButton),
      );
      overlay.append(dialog);
      root.append(overlay);
    }
    overlay.hidden = false;
    document.addEventListener("keydown", onKey, true);
    frame?.focus();
  };

  window.addEventListener("message", (e: MessageEvent<Message>) => {
    // Only the form's own window on the hotline's origin may steer the loader.
    if (!frame || e.source !== frame.contentWindow || e.origin !== hotline || e.data?.source !== "balagh") return;
    const m = e.data;
    // The form asks for focus once it can take it: focusing the frame before it loaded does nothing.
    if (m.type === "ready" && overlay && !overlay.hidden) frame.focus();
    if (m.type === "close") close();
    if (m.type === "exit") {
      const exit = typeof m.url === "string" && /^https?:\/\//.test(m.url) ? m.url : "about:blank";
      host.remove();
      // replace(), not assign(): the partner page leaves the history, so Back cannot bring it back.
      location.replace(exit);
    }
  });

  const preconnect = () => {
    const link = el("link", "", { rel: "preconnect", href: hotline });
    document.head.append(link);
  };
  launcher.addEventListener("pointerenter", preconnect, { once: true });
  launcher.addEventListener("focus", preconnect, { once: true });
  launcher.onclick = open;

  const mountInline = () => {
    if (mode !== "inline") return;
    frame = makeFrame("i");
    root.append(frame);
  };
  // A page the back/forward cache restores must not bring a half-written report back: the form's
  // frame goes with the page, and a restored inline page gets a new, empty one.
  addEventListener("pagehide", () => {
    (overlay ?? frame)?.remove();
    overlay = frame = null;
  });
  addEventListener("pageshow", (e) => e.persisted && mountInline());

  mountInline();
  if (mode !== "inline") root.append(launcher);
  (mode !== "floating" && target ? target : document.body).append(host);

  const queued = w.Balagh?.q ?? [];
  w.Balagh = { open, close };
  for (const [call] of queued) w.Balagh[call]?.();
}
