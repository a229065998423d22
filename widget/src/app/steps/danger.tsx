import { DANGER_NOW } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { status } from "../live.js";
import { Emergency } from "../ui/emergency.js";
import { Radios } from "../ui/fields.js";
import type { StepProps } from "./props.js";

/**
 * Scrolls this document only (its scrolling area, or the page on a short screen). scrollIntoView
 * would scroll the partner page around the frame as well, and its scripts would read the answer
 * from that jump.
 */
const scrollToTop = (element: HTMLElement | null) => {
  const scroller = element?.closest(".scroller");
  if (!element || !scroller) return;
  const top = element.getBoundingClientRect().top;
  if (scroller.scrollHeight > scroller.clientHeight) scroller.scrollBy(0, top - scroller.getBoundingClientRect().top);
  else window.scrollBy(0, top);
};

export const DangerStep = ({ draft, set, errors, config }: StepProps) => {
  const { t } = useI18n();
  const urgent = draft.dangerNow === "yes" || draft.dangerNow === "not_sure";
  return (
    <>
      <Radios
        name="dangerNow"
        legend={t("danger.title")}
        asTitle
        options={DANGER_NOW.map((value) => ({ value, label: t(`danger.${value}`) }))}
        value={draft.dangerNow}
        error={errors.dangerNow}
        onChange={(dangerNow) => {
          set({ dangerNow });
          if (dangerNow !== "no") {
            status(t("danger.callNow"));
            // The numbers must be in sight at once, not below the fold of a small phone.
            requestAnimationFrame(() => scrollToTop(document.getElementById("emergency-title")));
          }
        }}
      />
      <Emergency config={config} country={draft.country} onCountry={(country) => set({ country })} urgent={urgent} />
      <div class="safety">
        <p>{t("safety.anonymous")}</p>
        <p>{t("safety.noConfront")}</p>
        <p class="small">{t("safety.note")}</p>
        <p class="small">{t("exit.hint")}</p>
      </div>
    </>
  );
};
