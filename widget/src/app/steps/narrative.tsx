import { NARRATIVE_MAX } from "@shared/text.js";
import { useI18n } from "../i18n.js";
import { codePoints } from "../state.js";
import { Title } from "../ui/fields.js";
import { TextField } from "../ui/text-field.js";
import type { StepProps } from "./props.js";

export const NarrativeStep = ({ draft, set, errors }: StepProps) => {
  const { t } = useI18n();
  const count = codePoints(draft.narrative);
  return (
    <>
      <Title>{t("narrative.title")}</Title>
      <TextField
        name="narrative"
        label={t("narrative.label")}
        hint={t("narrative.hint")}
        rows={9}
        value={draft.narrative}
        error={errors.narrative}
        onInput={(narrative) => set({ narrative })}
        extraDescription="narrative-count"
        after={
          <p id="narrative-count" class={count > NARRATIVE_MAX ? "counter over" : "counter"}>
            {t("narrative.count", { count, max: NARRATIVE_MAX })}
          </p>
        }
      />
    </>
  );
};
