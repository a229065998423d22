/**
 * The queue's only script, served by the app under a hashed name (the CSP allows no inline script).
 * It adds what arrives while the page is open: a line per new tip in the member's scope and, for a
 * P0, the alert (banner, title, sound). Every word it shows comes from templates in the page, so
 * the page's language is the script's. Without it the queue is whole; a reload shows new tips.
 */
export const QUEUE_JS = `"use strict";
(() => {
  const list = document.getElementById("queue-list");
  const lineTemplate = document.getElementById("queue-new-line");
  const alertRegion = document.getElementById("queue-alert");
  const alertTemplate = document.getElementById("queue-alert-content");
  const soundToggle = document.getElementById("queue-sound");
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

  const source = new EventSource("/console/events");
  // Marks the page while the stream is open: tests (and curious members) can tell a live page from a stale one.
  source.addEventListener("open", () => {
    list.dataset.stream = "open";
  });
  source.addEventListener("error", () => {
    list.dataset.stream = "closed";
  });
  source.addEventListener("tip", (message) => {
    let tip;
    try {
      tip = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!tip || typeof tip.id !== "string" || !TIP_ID.test(tip.id)) return;
    addLine(tip);
    bumpCount(tip.priority);
    if (tip.priority === "P0") raiseAlert(tip);
  });
  addEventListener("pagehide", () => source.close());
})();
`;
