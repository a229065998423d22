/**
 * A browser of the console over real HTTP (the fixtures' consoleBrowser goes through the app's own fetch):
 * it keeps the session cookie, sends the hotline's Origin with its posts, and stops at redirects.
 */
export const httpConsole = (hotline: string) => {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const headers = (extra: Record<string, string> = {}) => ({
    ...(jar.size > 0 ? { Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
    ...extra,
  });
  const browser = {
    jar,
    get: async (path: string, extra: Record<string, string> = {}) =>
      keep(await fetch(new URL(path, hotline), { headers: headers(extra), redirect: "manual" })),
    post: async (path: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
      keep(
        await fetch(new URL(path, hotline), {
          method: "POST",
          headers: headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: hotline, ...extra }),
          body: new URLSearchParams(fields).toString(),
          redirect: "manual",
        }),
      ),
    follow: async (response: Response) => {
      const location = response.headers.get("Location");
      if (!location) throw new Error(`no redirect: ${response.status}`);
      return browser.get(location);
    },
  };
  return browser;
};

/** The queue's event stream (/console/events) as EventSource reads it: text as it arrives, until closed. */
export const openEvents = async (hotline: string, browser: ReturnType<typeof httpConsole>) => {
  const abort = new AbortController();
  const response = await fetch(new URL("/console/events", hotline), {
    headers: { Cookie: [...browser.jar].map(([name, value]) => `${name}=${value}`).join("; ") },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
  let text = "";
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk);
  })().catch(() => {});
  return {
    text: () => text,
    waitFor: async (wanted: string, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(wanted)) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(wanted)} in ${JSON.stringify(text)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => {
      abort.abort();
      void reading;
    },
  };
};
