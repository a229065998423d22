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
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/**
 * Server-side check through hCaptcha's siteverify API. `remoteip` is deliberately never sent:
 * the reporter's address must not leave this server, not even to the captcha provider.
 */
export const hcaptchaVerifier = (options: HcaptchaOptions): CaptchaVerifier<"hcaptcha"> => ({
  provider: "hcaptcha",
  async verify({ response }) {
    const body = new URLSearchParams({ secret: options.secret, response, sitekey: options.sitekey });
    let reply: Response;
    try {
      reply = await (options.fetch ?? fetch)(options.verifyUrl, {
        method: "POST",
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
    } catch {
      throw new CaptchaUnavailableError("hCaptcha siteverify did not answer");
    }
    if (!reply.ok) throw new CaptchaUnavailableError(`hCaptcha siteverify answered HTTP ${reply.status}`);
    const parsed = siteverifyResponse.safeParse(await reply.json().catch(() => null));
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
