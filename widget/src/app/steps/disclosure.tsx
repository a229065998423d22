import { DISCLOSURE_LEVELS, SAFE_TO_CONTACT, VICTIM_CONSENT } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { Radios } from "../ui/fields.js";
import { TextField } from "../ui/text-field.js";
import type { StepProps } from "./props.js";

export const DisclosureStep = ({ draft, set, errors }: StepProps) => {
  const { t } = useI18n();
  const contactable = draft.disclosure !== "anonymous";
  return (
    <>
      {/* The limits of confidentiality are said first, before any choice or contact field (DOMAIN.md). */}
      <Radios
        name="disclosure"
        legend={t("disclosure.title")}
        asTitle
        hint={t("disclosure.limits")}
        hintClass="notice"
        options={DISCLOSURE_LEVELS.map((value) => ({
          value,
          label: t(`disclosure.${value}`),
          hint: value === "anonymous" ? t("disclosure.anonymousHint") : undefined,
        }))}
        value={draft.disclosure}
        onChange={(disclosure) => set({ disclosure })}
      />
      {contactable && (
        <fieldset class="group">
          <legend class="legend legend-h2">{t("contact.legend")}</legend>
          <TextField
            name="contactName"
            label={t("contact.name")}
            optional
            value={draft.contactName}
            error={errors.contactName}
            onInput={(contactName) => set({ contactName })}
          />
          <TextField
            name="contactMeans"
            label={t("contact.means")}
            value={draft.contactMeans}
            error={errors.contactMeans}
            onInput={(contactMeans) => set({ contactMeans })}
          />
          <Radios
            name="safeToContact"
            legend={t("contact.safe")}
            options={SAFE_TO_CONTACT.map((value) => ({ value, label: t(`safe.${value}`) }))}
            value={draft.safeToContact}
            error={errors.safeToContact}
            onChange={(safeToContact) => set({ safeToContact })}
          />
          <TextField
            name="safeTimes"
            label={t("contact.safeTimes")}
            optional
            value={draft.safeTimes}
            error={errors.safeTimes}
            onInput={(safeTimes) => set({ safeTimes })}
          />
        </fieldset>
      )}
      {draft.reporterRole === "victim" && (
        <Radios
          name="victimConsentPolice"
          legend={t("consent.title")}
          hint={t("consent.hint")}
          options={VICTIM_CONSENT.map((value) => ({ value, label: t(`consent.${value}`) }))}
          value={draft.victimConsentPolice}
          error={errors.victimConsentPolice}
          onChange={(victimConsentPolice) => set({ victimConsentPolice })}
        />
      )}
    </>
  );
};
