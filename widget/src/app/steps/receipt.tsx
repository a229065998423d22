import { formatReceipt } from "@shared/receipt.js";
import { Fragment } from "preact";
import { useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.js";
import { alertNow, status } from "../live.js";
import { ErrorText, Title } from "../ui/fields.js";

type Props = {
  receipt: string;
  saved: boolean;
  onSaved: (saved: boolean) => void;
  onFinish: () => void;
};

const selectText = (element: HTMLElement) => {
  const selection = getSelection();
  selection?.selectAllChildren(element);
};

/**
 * The receipt is the reporter's only way back to the report: it is shown large, grouped by four,
 * left-to-right even in Arabic, and the screen is not left until they say they have saved it.
 */
export const ReceiptScreen = ({ receipt, saved, onSaved, onFinish }: Props) => {
  const { t } = useI18n();
  const number = useRef<HTMLParagraphElement>(null);
  const [mustSave, setMustSave] = useState(false);
  const grouped = formatReceipt(receipt);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(grouped);
      status(t("receipt.copied"));
      return;
    } catch {
      // Clipboard API refused (an iframe without clipboard-write, an old browser): select instead.
    }
    if (number.current) selectText(number.current);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    status(t(copied ? "receipt.copied" : "receipt.copyFailed"));
  };

  const finish = () => {
    if (!saved) {
      setMustSave(true);
      alertNow(t("receipt.mustSave"));
      document.getElementById("receipt-saved")?.focus();
      return;
    }
    onFinish();
  };

  return (
    <>
      <Title>{t("receipt.title")}</Title>
      <p>{t("receipt.thanks")}</p>
      <div class="receipt">
        <p class="receipt-label" id="receipt-label">
          {t("receipt.label")}
        </p>
        <p class="receipt-number" dir="ltr" translate={false} ref={number}>
          {/* Groups never break inside; the spaces between them stay real, for copying and reading aloud. */}
          {grouped.split(" ").map((group, i) => (
            <Fragment key={group + String(i)}>
              {i > 0 && " "}
              <span class="digits">{group}</span>
            </Fragment>
          ))}
        </p>
        <button type="button" class="button secondary" onClick={copy}>
          {t("receipt.copy")}
        </button>
      </div>
      <p class="notice" id="receipt-warning">
        {t("receipt.warning")}
      </p>
      <ErrorText id="receipt-saved-error" error={mustSave && !saved ? { id: "receipt.mustSave" } : undefined} />
      <label class="option">
        <input
          type="checkbox"
          id="receipt-saved"
          checked={saved}
          aria-describedby={mustSave && !saved ? "receipt-saved-error receipt-warning" : "receipt-warning"}
          onChange={(event) => onSaved(event.currentTarget.checked)}
        />
        <span class="option-text">{t("receipt.saved")}</span>
      </label>
      <div class="actions">
        <button type="button" class="button primary" onClick={finish}>
          {t("receipt.finish")}
        </button>
      </div>
      <div class="safety">
        <p>{t("safety.noConfront")}</p>
        <p class="small">{t("safety.note")}</p>
      </div>
    </>
  );
};
