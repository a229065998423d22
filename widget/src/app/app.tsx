import type { Catalog } from "@shared/i18n/types.js";
import type { Language } from "@shared/taxonomy.js";
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Boot } from "./boot.js";
import { useFollowup } from "./followup-loader.js";
import { I18nContext, type Message, translator } from "./i18n.js";
import { setCloseGuard } from "./keys.js";
import { loadLate, useLate } from "./late-loader.js";
import { alertNow, status } from "./live.js";
import { postClose } from "./parent.js";
import type { SendEvent, SendFlow } from "./send-flow.js";
import { type Draft, emptyDraft, newIdempotencyKey, type Screen, STEPS, type StepId } from "./state.js";
import { DangerStep } from "./steps/danger.js";
import { Progress, TopBar } from "./ui/top-bar.js";
import type { Errors } from "./validate.js";

type Props = {
  boot: Boot;
  initialCatalog: Catalog;
  onLanguage: (lang: Language) => Promise<Catalog>;
  onExit: () => void;
};

export const App = ({ boot, initialCatalog, onLanguage, onExit }: Props) => {
  const { config } = boot;
  const startCountry = boot.country ?? config.defaultCountry;
  const [lang, setLang] = useState<Language>(boot.lang);
  const [catalog, setCatalog] = useState(initialCatalog);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(startCountry));
  const [screen, setScreen] = useState<Screen>({ kind: "step", step: "danger" });
  const [errors, setErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [fromReview, setFromReview] = useState(false);
  const [saved, setSaved] = useState(false);
  const [sendFlow, setSendFlow] = useState<SendFlow>(() => ({
    phase: "editing",
    key: newIdempotencyKey(),
    solution: null,
  }));
  // The same, as of now: an answer arriving later must move on from the latest state, not a render's.
  const flow = useRef(sendFlow);
  const first = useRef(true);
  /** The field to focus when the next screen shows, instead of its heading (a field the server refused). */
  const focusOnShow = useRef<string | null>(null);

  const t = useMemo(() => translator(catalog), [catalog]);
  // Everything but the first question: asked for again whenever it is needed and missing.
  const lateScreens = useLate(screen.kind !== "step" || screen.step !== "danger");
  const followup = useFollowup(screen.kind === "followup");
  const i18n = useMemo(() => ({ lang, t }), [lang, t]);

  // The heading of each new screen takes the focus, so keyboard and screen-reader users start there.
  // Not on the first screen: there the quick exit must stay first in keyboard order.
  // Runs on screen changes only.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.querySelector(".scroller")?.scrollTo(0, 0);
    const field = focusOnShow.current && document.getElementById(focusOnShow.current);
    focusOnShow.current = null;
    (field || document.querySelector<HTMLElement>("h1.title"))?.focus();
  }, [screen]);

  useEffect(() => {
    setCloseGuard(screen.kind === "receipt" && !saved);
  }, [screen, saved]);

  const set = useCallback((patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const changed = (e: Errors) => Object.keys(patch).some((k) => k in e);
    const drop = (e: Errors) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof Draft];
      return next;
    };
    setErrors((e) => (changed(e) ? drop(e) : e));
    setServerErrors((e) => (changed(e) ? drop(e) : e));
  }, []);

  const switchLanguage = async (next: Language) => {
    const loaded = await onLanguage(next);
    setCatalog(loaded);
    setLang(next);
  };

  const go = (next: Screen) => {
    setErrors({});
    setScreen(next);
  };

  const showErrors = (found: Errors) => {
    setErrors(found);
    const [field, message] = Object.entries(found)[0] as [string, Message];
    alertNow(t("error.summary", { problem: t(message.id, message.params) }));
    document.getElementById(field)?.focus();
  };

  /**
   * The checks come with the later questions (late.ts), which the next question needs anyway. Should
   * they fail to download, the next question says it is loading and asks for them again, and the
   * review checks every answer before anything is sent.
   */
  const next = async (step: StepId) => {
    const late = await loadLate().catch(() => null);
    const found = late?.validateStep(step, draft) ?? {};
    if (Object.keys(found).length > 0) return showErrors(found);
    const index = STEPS.indexOf(step);
    const following = STEPS[index + 1];
    go(fromReview || !following ? { kind: "review" } : { kind: "step", step: following });
  };

  const back = (step: StepId) => {
    const previous = STEPS[STEPS.indexOf(step) - 1];
    go(fromReview || !previous ? { kind: "review" } : { kind: "step", step: previous });
  };

  const edit = (step: StepId) => {
    setFromReview(true);
    go({ kind: "step", step });
  };

  /** The send screen, left as it is when already shown: its heading keeps or gets the focus once. */
  const toSendScreen = () => setScreen((shown) => (shown.kind === "send" ? shown : { kind: "send" }));

  /**
   * Moves the send flow (send-flow.ts) on, and shows where it went. The flow's code comes with the
   * later screens, where every one of its events starts.
   */
  const dispatch = (event: SendEvent) => {
    if (!lateScreens) return;
    const previous = flow.current;
    const next = lateScreens.advance(previous, event);
    if (next === previous) return;
    flow.current = next;
    setSendFlow(next);
    switch (next.phase) {
      case "captcha":
        toSendScreen();
        if (previous.phase === "sending") alertNow(t("error.captcha"));
        return;
      case "sending": {
        toSendScreen();
        status(t("send.sending"));
        void lateScreens
          .sendTip(config.partner, next.solution, lateScreens.toTip(draft, lang), next.key)
          .then((result) => dispatch({ type: "answered", result, now: Date.now(), newKey: newIdempotencyKey() }));
        return;
      }
      case "sent":
        // Sent: the answers are no longer needed anywhere, so they go now; only the receipt stays.
        setDraft(emptyDraft(startCountry));
        setServerErrors({});
        setFromReview(false);
        setSaved(false);
        go({ kind: "receipt", receipt: next.receipt });
        status(t("receipt.title"));
        return;
      case "failed":
        toSendScreen();
        alertNow(t(next.message));
        return;
      case "refused":
        // Each refused answer is marked beside its field, and the reporter lands on the first one.
        setServerErrors(next.errors);
        setFromReview(true);
        focusOnShow.current = next.field;
        go({ kind: "step", step: next.step });
        alertNow(t("error.invalid"));
        return;
    }
  };

  const startSending = () => {
    const invalid = lateScreens?.firstInvalidStep(STEPS, draft);
    if (invalid) {
      edit(invalid);
      return;
    }
    // Shown even when the flow stays where it is: a wait the server asked for, a captcha not yet solved.
    go({ kind: "send" });
    dispatch({ type: "send", now: Date.now() });
  };

  const retry = () => dispatch({ type: "retry", now: Date.now() });

  const finish = () => {
    setSaved(false);
    setDraft(emptyDraft(startCountry));
    dispatch({ type: "restart", newKey: newIdempotencyKey() });
    go({ kind: "step", step: "danger" });
    postClose();
  };

  const stepIndex = screen.kind === "step" ? STEPS.indexOf(screen.step) : -1;

  let body: ComponentChildren;
  if (screen.kind === "step") {
    const { step } = screen;
    const View = step === "danger" ? DangerStep : lateScreens?.LATER_STEPS[step];
    body = (
      <>
        {stepIndex > 0 && !fromReview && (
          <button type="button" class="button link back" onClick={() => back(step)}>
            {t("nav.back")}
          </button>
        )}
        {View ? (
          <>
            <View draft={draft} set={set} errors={{ ...serverErrors, ...errors }} config={config} />
            <div class="actions">
              <button type="button" class="button primary" onClick={() => void next(step)}>
                {t(fromReview ? "nav.toReview" : "nav.next")}
              </button>
            </div>
            {step === "danger" && !fromReview && (
              <button type="button" class="button secondary" onClick={() => go({ kind: "followup" })}>
                {t("followup.start")}
              </button>
            )}
          </>
        ) : (
          <p class="muted">{t("app.loading")}</p>
        )}
      </>
    );
  } else if (screen.kind === "followup") {
    const FollowupScreen = followup?.FollowupScreen;
    body = FollowupScreen ? (
      <FollowupScreen
        config={config}
        country={draft.country}
        onCountry={(country) => set({ country })}
        onClose={() => go({ kind: "step", step: "danger" })}
      />
    ) : (
      <p class="muted">{t("app.loading")}</p>
    );
  } else if (!lateScreens) {
    body = <p class="muted">{t("app.loading")}</p>;
  } else if (screen.kind === "review") {
    const { Review } = lateScreens;
    body = <Review draft={draft} refused={Object.keys(serverErrors)} onEdit={edit} onSend={startSending} />;
  } else if (screen.kind === "send") {
    const { SendScreen } = lateScreens;
    body = (
      <SendScreen
        flow={sendFlow}
        config={config}
        scriptUrl={boot.hcaptchaScriptUrl}
        onSolution={(solution) => dispatch({ type: "solved", solution })}
        onRetry={retry}
        onBack={() => go({ kind: "review" })}
      />
    );
  } else {
    const { ReceiptScreen } = lateScreens;
    body = <ReceiptScreen receipt={screen.receipt} saved={saved} onSaved={setSaved} onFinish={finish} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <TopBar languages={config.languages} onLanguage={switchLanguage} onExit={onExit} />
      <div class="scroller">
        <main class="main">
          {stepIndex >= 0 && <Progress current={stepIndex + 1} total={STEPS.length} />}
          {body}
        </main>
      </div>
    </I18nContext.Provider>
  );
};
