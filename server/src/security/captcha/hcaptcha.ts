import { z } from "zod";
import { CaptchaUnavailableError, type CaptchaVerifier } from "./types.js";

export const HCAPTCHA_TEST_SITEKEY = "10000000-ffff-ffff-ffff-000000000001";
export const HCAPTCHA_TEST_SECRET = "0x0000000000000000000000000000000000000000";
export const HCAPTCHA_SCRIPT_URL = "https://js.hcaptcha.com/1/api.js";
export const HCAPTCHA_TEST_RESPONSE = "10000000-aaaa-bbbb-cccc-000000000001";

// What hCaptcha's test keys answer as the hostname, whatever page the token came from.
const TEST_KEYS_HOSTNAME = "dummy-key-pass";

const siteverifyResponse = z.object({
  success: z.boolean(),
  hostname: z.string().optional(),
  "error-codes": z.array(z.string()).optional(),
});

export type HcaptchaOptions = {
  sitekey: string;
  secret: string;
  verifyUrl: string;
  /** The hotline's own host: the form that shows the captcha is served from there. */
  hostname: string;
  post?: FormPost;
  timeoutMs?: number;
};

/** One form POST and its answer; the runtime may bring a cheaper client than fetch (node/form-post.ts). */
export type FormPost = (url: string, form: string, timeoutMs: number) => Promise<{ status: number; body: string }>;

const fetchPost: FormPost = async (url, form, timeoutMs) => {
  const reply = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: reply.status, body: await reply.text() };
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Server-side check through hCaptcha's siteverify API. `remoteip` is deliberately never sent:
 * the reporter's address must not leave this server, not even to the captcha provider.
 */
export const hcaptchaVerifier = (options: HcaptchaOptions): CaptchaVerifier<"hcaptcha"> => ({
  provider: "hcaptcha",
  async verify({ response }) {
    const form = new URLSearchParams({ secret: options.secret, response, sitekey: options.sitekey }).toString();
    let reply: Awaited<ReturnType<FormPost>>;
    try {
      reply = await (options.post ?? fetchPost)(options.verifyUrl, form, options.timeoutMs ?? 5_000);
    } catch {
      throw new CaptchaUnavailableError("hCaptcha siteverify did not answer");
    }
    if (reply.status < 200 || reply.status > 299) {
      throw new CaptchaUnavailableError(`hCaptcha siteverify answered HTTP ${reply.status}`);
    }
    const parsed = siteverifyResponse.safeParse(parseJson(reply.body));
    if (!parsed.success) throw new CaptchaUnavailableError("hCaptcha siteverify answered something unexpected");
    if (!parsed.data.success) return { ok: false, reason: parsed.data["error-codes"]?.join(", ") || "rejected" };
    // A token solved on another site (one that embeds our public sitekey) is not a reporter on our form.
    const testKeys = options.secret === HCAPTCHA_TEST_SECRET && parsed.data.hostname === TEST_KEYS_HOSTNAME;
    if (parsed.data.hostname !== options.hostname && !testKeys) {
      return { ok: false, reason: "the captcha was solved on another site" };
    }
    return { ok: true, identity: `hcaptcha:${response}` };
  },
});
