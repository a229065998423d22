import { CHILD_INVOLVED } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { Radios } from "../ui/fields.js";
import type { StepProps } from "./props.js";

export const ChildStep = ({ draft, set, errors }: StepProps) => {
  const { t } = useI18n();
  return (
    <Radios
      name="childInvolved"
      legend={t("child.title")}
      asTitle
      hint={t("child.hint")}
      options={CHILD_INVOLVED.map((value) => ({ value, label: t(`child.${value}`) }))}
      value={draft.childInvolved}
      error={errors.childInvolved}
      onChange={(childInvolved) => set({ childInvolved })}
    />
  );
};
