import { useI18n } from "../i18n.js";
import { describedBy, Title } from "../ui/fields.js";
import type { EntryProblem, FollowupFlow } from "./flow.js";
import type { FollowupTranslate } from "./i18n.js";

type Props = {
  flow: Extract<FollowupFlow, { phase: "entry" | "opening" }>;
  ft: FollowupTranslate;
  waitMs: number;
  onReceipt: (value: string) => void;
  onOpen: (typed: string) => void;
  onBack: () => void;
};

/** A wait this short is "a few seconds"; a longer one is told as the time it ends. */
const SOON_MS = 10_000;

/** The minute the wait is over, rounded up: at the time said, the button is back. */
const clockTime = (at: number, lang: string) =>
  new Date(Math.ceil(at / 60_000) * 60_000).toLocaleTimeString(lang, { timeStyle: "short" });

/** The words for a refused receipt: the same whether the number is wrong, unknown or malformed on the server. */
export const entryProblemText = (ft: FollowupTranslate, problem: EntryProblem, retryAt: number, lang: string) => {
  switch (problem) {
    case "rate":
      return retryAt - Date.now() > SOON_MS
        ? ft("entry.rateLater", { time: clockTime(retryAt, lang) })
        : ft("entry.rateSoon");
    case "busy":
    case "server":
      return ft("entry.server");
    default:
      return ft(`entry.${problem}`);
  }
};

/**
 * The receipt, typed or pasted in any digit script. A numeric keypad on phones; the browser is asked
 * not to remember it (the device may be shared); left-to-right even in Arabic, as it was shown.
 */
export const EntryView = ({ flow, ft, waitMs, onReceipt, onOpen, onBack }: Props) => {
  const { t, lang } = useI18n();
  const problem = flow.phase === "entry" ? flow.problem : null;
  return (
    <>
      <button type="button" class="button link back" onClick={onBack}>
        {t("nav.back")}
      </button>
      <Title>{ft("entry.title")}</Title>
      {flow.expired && (
        <p class="notice" id="followup-expired">
          {ft("entry.expired")}
        </p>
      )}
      <p>{ft("entry.intro")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onOpen(flow.receipt);
        }}
      >
        <div class="field">
          <label for="receipt" class="label">
            {t("receipt.label")}
          </label>
          <p class="hint" id="receipt-hint">
            {ft("entry.hint")}
          </p>
          {problem && (
            <p class="error" id="receipt-error">
              {entryProblemText(ft, problem, flow.phase === "entry" ? flow.retryAt : 0, lang)}
            </p>
          )}
          <input
            type="text"
            id="receipt"
            name="receipt"
            class="receipt-input"
            inputMode="numeric"
            autocomplete="off"
            autoCapitalize="off"
            spellcheck={false}
            dir="ltr"
            translate={false}
            value={flow.receipt}
            readOnly={flow.phase === "opening"}
            aria-invalid={problem === "format" || problem === "wrong" ? "true" : undefined}
            aria-describedby={describedBy("receipt-hint", problem ? "receipt-error" : undefined)}
            onInput={(event) => onReceipt(event.currentTarget.value)}
          />
        </div>
        {flow.phase === "opening" ? (
          <p class="working">
            <span class="spinner" aria-hidden="true" />
            {ft("entry.opening")}
          </p>
        ) : (
          <div class="actions">
            <button type="submit" class="button primary" disabled={waitMs > 0}>
              {ft("entry.open")}
            </button>
          </div>
        )}
      </form>
    </>
  );
};
