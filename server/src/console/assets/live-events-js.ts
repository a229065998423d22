/**
 * The console's event stream, for the page scripts that draw what arrives while a page is open:
 * pasted inside each script's own closure, since a page loads one script under the CSP.
 */
export const LIVE_EVENTS_JS = `
  // Marks the page while the stream is open: tests (and curious members) can tell a live page from a stale one.
  const listenLive = (marked, handlers) => {
    const source = new EventSource("/console/events");
    source.addEventListener("open", () => {
      marked.dataset.stream = "open";
    });
    source.addEventListener("error", () => {
      marked.dataset.stream = "closed";
      // Closed for good (the session ended, by the SSE spec's 204): say so, or alerts stop unseen.
      if (source.readyState === EventSource.CLOSED) {
        const note = document.querySelector("[data-stream-ended]");
        if (note) note.hidden = false;
      }
    });
    for (const [name, handle] of Object.entries(handlers)) {
      source.addEventListener(name, (message) => {
        let data;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        handle(data);
      });
    }
    addEventListener("pagehide", () => source.close());
  };
`;
