import { DANGER_NOW } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { status } from "../live.js";
import { Emergency } from "../ui/emergency.js";
import { Radios } from "../ui/fields.js";
import type { StepProps } from "./props.js";

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
            requestAnimationFrame(() => document.getElementById("emergency-title")?.scrollIntoView({ block: "start" }));
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
