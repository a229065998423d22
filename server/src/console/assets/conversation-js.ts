import { LIVE_EVENTS_JS } from "./live-events-js.js";

/**
 * The workspace's only script, served under a hashed name (the CSP allows no inline script). It
 * fills the reply box from a ready answer without a reload, and draws the conversation again when
 * the reporter writes while the page is open. Without it the links reload the page with the answer
 * filled in, and a reload shows new messages.
 */
export const CONVERSATION_JS = `"use strict";
(() => {
${LIVE_EVENTS_JS}
  const section = document.getElementById("conversation");
  if (!section) return;
  const tipId = section.dataset.tipId || "";
  const box = document.getElementById("reply");
  for (const link of section.querySelectorAll("a[data-template-body]")) {
    link.addEventListener("click", (event) => {
      if (!box) return;
      event.preventDefault();
      box.value = link.dataset.templateBody || "";
      box.focus();
    });
  }
  if (!("EventSource" in window) || !/^[0-9a-f-]{36}$/.test(tipId)) return;

  const notice = document.getElementById("conversation-live");
  let drawing = false;
  let again = false;
  // Reading the conversation is audited and marks it read: it is fetched only when the reporter wrote.
  const redraw = async () => {
    if (drawing) {
      again = true;
      return;
    }
    drawing = true;
    try {
      const response = await fetch("/console/tips/" + encodeURIComponent(tipId) + "/conversation", {
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const fresh = new DOMParser()
        .parseFromString(await response.text(), "text/html")
        .getElementById("conversation-messages");
      const current = document.getElementById("conversation-messages");
      if (!fresh || !current) return;
      current.replaceWith(document.importNode(fresh, true));
      if (notice && !notice.textContent) {
        const line = document.createElement("p");
        line.textContent = notice.dataset.text || "";
        notice.className = "notice";
        notice.append(line);
      }
    } catch {
    } finally {
      drawing = false;
      if (again) {
        again = false;
        void redraw();
      }
    }
  };

  listenLive(section, {
    reply: (reply) => {
      if (reply && reply.id === tipId) void redraw();
    },
  });
})();
`;
