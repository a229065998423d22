import { REPORTER_ROLES } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { Radios } from "../ui/fields.js";
import type { StepProps } from "./props.js";

export const RoleStep = ({ draft, set, errors }: StepProps) => {
  const { t } = useI18n();
  return (
    <Radios
      name="reporterRole"
      legend={t("role.title")}
      asTitle
      options={REPORTER_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
      value={draft.reporterRole}
      error={errors.reporterRole}
      // The consent question exists only for a victim; a changed answer must not leave it behind.
      onChange={(reporterRole) =>
        set(reporterRole === "victim" ? { reporterRole } : { reporterRole, victimConsentPolice: null })
      }
    />
  );
};
