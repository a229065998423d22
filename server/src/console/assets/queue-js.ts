import { LIVE_EVENTS_JS } from "./live-events-js.js";

/**
 * The queue's only script, served by the app under a hashed name (the CSP allows no inline script).
 * It adds what arrives while the page is open: a line per new tip in the member's scope and, for a
 * P0, the alert (banner, title, sound); a reporter's message raises the tip's unread marker, and
 * alerts the same way when it raised the tip to P0. Every word it shows comes from templates in the page, so
 * the page's language is the script's. Without it the queue is whole; a reload shows new tips.
 */
export const QUEUE_JS = `"use strict";
(() => {
${LIVE_EVENTS_JS}
  const list = document.getElementById("queue-list");
  const lineTemplate = document.getElementById("queue-new-line");
  const alertRegion = document.getElementById("queue-alert");
  const alertTemplate = document.getElementById("queue-alert-content");
  const soundToggle = document.getElementById("queue-sound");
  const unreadTemplate = document.getElementById("queue-unread");
  if (!list || !lineTemplate || !alertRegion || !alertTemplate || !("EventSource" in window)) return;

  const TIP_ID = /^[0-9a-f-]{36}$/;
  const SOUND_KEY = "balagh.console.p0Sound";
  const baseTitle = document.title;
  const tipHref = (id) => "/console/tips/" + encodeURIComponent(id);
  const rank = (priority) => (/^P[0-9]$/.test(priority || "") ? priority : "P9");

  let soundOn = true;
  try {
    soundOn = localStorage.getItem(SOUND_KEY) !== "off";
  } catch {}
  let audio = null;
  // Browsers let a page make sound only after the member has touched it; any first touch will do.
  const unlock = () => {
    try {
      if (!audio) audio = new AudioContext();
      if (audio.state === "suspended") void audio.resume();
    } catch {}
  };
  document.addEventListener("pointerdown", unlock, { once: true });
  document.addEventListener("keydown", unlock, { once: true });
  const showSound = () => soundToggle && soundToggle.setAttribute("aria-pressed", String(soundOn));
  if (soundToggle) {
    soundToggle.hidden = false;
    showSound();
    soundToggle.addEventListener("click", () => {
      soundOn = !soundOn;
      try {
        localStorage.setItem(SOUND_KEY, soundOn ? "on" : "off");
      } catch {}
      showSound();
      if (soundOn) unlock();
    });
  }
  const ring = () => {
    if (!soundOn) return;
    unlock();
    if (!audio) return;
    const start = audio.currentTime;
    for (let i = 0; i < 3; i += 1) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = i % 2 ? 660 : 880;
      volume.gain.value = 0.25;
      tone.connect(volume).connect(audio.destination);
      tone.start(start + i * 0.3);
      tone.stop(start + i * 0.3 + 0.2);
    }
  };

  const raiseAlert = (tip) => {
    const content = alertTemplate.content.cloneNode(true);
    content.querySelector('[data-slot="link"]').href = tipHref(tip.id);
    alertRegion.replaceChildren(content);
    document.title = "(P0) " + baseTitle;
    ring();
  };

  const bumpCount = (priority) => {
    const count = document.querySelector('[data-count="' + rank(priority) + '"]');
    if (count) count.textContent = String(Number(count.textContent || "0") + 1);
  };

  const addLine = (tip) => {
    if (list.dataset.live !== "true" || list.querySelector('[data-tip-id="' + tip.id + '"]')) return;
    const line = lineTemplate.content.firstElementChild.cloneNode(true);
    const priority = rank(tip.priority);
    line.dataset.priority = priority;
    line.dataset.tipId = tip.id;
    const tag = line.querySelector('[data-slot="priority"]');
    tag.textContent = tip.priority || "–";
    tag.classList.add("priority--" + (tip.priority || "none"));
    line.querySelector('[data-slot="link"]').href = tipHref(tip.id);
    line.querySelector('[data-slot="code"]').textContent = tip.id.slice(0, 8);
    // Most urgent first, then oldest first: a new tip goes after every line of its priority.
    const after = [...list.children].find((other) => (other.dataset.priority || "P9") > priority);
    list.insertBefore(line, after || null);
    const empty = document.getElementById("queue-empty");
    if (empty) empty.hidden = true;
  };

  const countBy = (priority, change) => {
    const count = document.querySelector('[data-count="' + rank(priority) + '"]');
    if (count) count.textContent = String(Math.max(0, Number(count.textContent || "0") + change));
  };

  const moveTo = (line, priority) => {
    const tag = line.querySelector(".priority");
    countBy(line.dataset.priority, -1);
    countBy(priority, 1);
    line.dataset.priority = rank(priority);
    if (tag) {
      tag.className = "priority priority--" + (priority || "none");
      tag.textContent = priority || "–";
    }
    line.remove();
    const after = [...list.children].find((other) => (other.dataset.priority || "P9") > rank(priority));
    list.insertBefore(line, after || null);
  };

  // A line of this page only: a tip on another page or outside the filters gets no line of its own.
  const markUnread = (reply) => {
    const line = list.querySelector('[data-tip-id="' + reply.id + '"]');
    if (!line) return;
    let marker = line.querySelector('[data-slot="unread"]');
    if (!marker && unreadTemplate) {
      marker = unreadTemplate.content.firstElementChild.cloneNode(true);
      line.querySelector(".queue-item__head").appendChild(marker);
    }
    const count = marker && marker.querySelector('[data-slot="unread-count"]');
    if (count) count.textContent = String(Number(count.textContent || "0") + 1);
    if (reply.raised && rank(reply.priority) < (line.dataset.priority || "P9")) moveTo(line, reply.priority);
  };

  listenLive(list, {
    tip: (tip) => {
      if (!tip || typeof tip.id !== "string" || !TIP_ID.test(tip.id)) return;
      addLine(tip);
      bumpCount(tip.priority);
      if (tip.priority === "P0") raiseAlert(tip);
    },
    reply: (reply) => {
      if (!reply || typeof reply.id !== "string" || !TIP_ID.test(reply.id)) return;
      markUnread(reply);
      if (reply.raised === true && reply.priority === "P0") raiseAlert(reply);
    },
  });
})();
`;
