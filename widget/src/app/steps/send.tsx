import type { PartnerConfig } from "@shared/partner-config.js";
import type { CaptchaSolution } from "@shared/tip.js";
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.js";
import { alertNow, status } from "../live.js";
import type { SendFlow } from "../send-flow.js";
import { Title } from "../ui/fields.js";

const HCAPTCHA_WAIT_MS = 5_000;

type CaptchaProps = {
  config: PartnerConfig;
  scriptUrl: string;
  onSolution: (solution: CaptchaSolution) => void;
};

/**
 * hCaptcha when the partner allows it and it shows up within a few seconds; ALTCHA (proof of work,
 * served by the hotline itself) otherwise. Both are imported only now, never on the first load.
 */
const Captcha = ({ config, scriptUrl, onSolution }: CaptchaProps) => {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "hcaptcha" | "working" | "failed">("loading");
  const [attempt, setAttempt] = useState(0);

  // One captcha per attempt: a re-render must not restart it.
  useEffect(() => {
    let live = true;
    const abort = new AbortController();
    let widget: { remove: () => void } | null = null;

    const tryHcaptcha = async (sitekey: string, container: HTMLElement) => {
      const mounting = import("../captcha/hcaptcha.js").then(({ mountHcaptcha }) =>
        mountHcaptcha(container, {
          sitekey,
          scriptUrl,
          lang,
          onToken: (response) => live && onSolution({ provider: "hcaptcha", response }),
          onExpired: () => undefined,
        }),
      );
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), HCAPTCHA_WAIT_MS);
      });
      const mounted = await Promise.race([mounting, late]).finally(() => clearTimeout(timer));
      if (!mounted) {
        // Too slow: fall back now, and remove the widget should it appear later.
        mounting.then((w) => w.remove()).catch(() => undefined);
        throw new Error("hCaptcha did not load in time");
      }
      return mounted;
    };

    const run = async () => {
      const { hcaptcha, altcha } = config.captcha;
      if (hcaptcha && box.current) {
        try {
          widget = await tryHcaptcha(hcaptcha.sitekey, box.current);
          if (live) setState("hcaptcha");
          else widget.remove();
          return;
        } catch (error) {
          if (!altcha) throw error;
        }
      }
      if (!altcha || !live) throw new Error("no captcha");
      setState("working");
      status(t("captcha.working"));
      const { solveAltcha } = await import("../captcha/altcha.js");
      const payload = await solveAltcha(altcha.challengeUrl, abort.signal);
      if (live) onSolution({ provider: "altcha", payload });
    };

    run().catch(() => {
      if (!live) return;
      setState("failed");
      alertNow(t("captcha.failed"));
    });
    return () => {
      live = false;
      abort.abort();
      widget?.remove();
    };
  }, [attempt]);

  return (
    <>
      <p class="hint">{t("captcha.hint")}</p>
      {state === "loading" && <p class="muted">{t("captcha.loading")}</p>}
      {state === "working" && (
        <p class="working">
          <span class="spinner" aria-hidden="true" />
          {t("captcha.working")}
        </p>
      )}
      <div ref={box} class={state === "hcaptcha" ? "captcha-box" : "captcha-box hidden"} />
      {state === "failed" && (
        <>
          <p class="error">{t("captcha.failed")}</p>
          <button
            type="button"
            class="button primary"
            onClick={() => {
              setState("loading");
              setAttempt((n) => n + 1);
            }}
          >
            {t("captcha.retry")}
          </button>
        </>
      )}
    </>
  );
};

type Props = {
  flow: SendFlow;
  config: PartnerConfig;
  scriptUrl: string;
  onSolution: (solution: CaptchaSolution) => void;
  onRetry: () => void;
  /** Back to the review, where the kept answers can be read and changed. */
  onBack: () => void;
};

export const SendScreen = ({ flow: state, config, scriptUrl, onSolution, onRetry, onBack }: Props) => {
  const { t } = useI18n();
  const [, tick] = useState(0);
  const waitMs = state.phase === "failed" ? state.retryAt - Date.now() : 0;

  // Re-render when a Retry-After wait is over, so the button comes back by itself.
  useEffect(() => {
    if (waitMs <= 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), Math.min(waitMs, 30_000) + 50);
    return () => clearTimeout(timer);
  });

  // Offline: send again as soon as the connection is back (same answers, same Idempotency-Key).
  useEffect(() => {
    if (state.phase !== "failed" || !state.offline) return;
    window.addEventListener("online", onRetry);
    return () => window.removeEventListener("online", onRetry);
  }, [state, onRetry]);

  return (
    <>
      <Title>{t(state.phase === "captcha" ? "captcha.title" : "send.title")}</Title>
      {state.phase === "captcha" && <Captcha config={config} scriptUrl={scriptUrl} onSolution={onSolution} />}
      {state.phase === "sending" && (
        <p class="working">
          <span class="spinner" aria-hidden="true" />
          {t("send.sending")}
        </p>
      )}
      {state.phase === "failed" && (
        <div class="problem">
          <p class="error">{t(state.message)}</p>
          {waitMs > 0 && <p>{t("send.retryIn", { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) })}</p>}
          <div class="actions">
            <button type="button" class="button primary" onClick={onRetry} disabled={waitMs > 0}>
              {t("send.retry")}
            </button>
            <button type="button" class="button link" onClick={onBack}>
              {t("nav.back")}
            </button>
          </div>
        </div>
      )}
    </>
  );
};
