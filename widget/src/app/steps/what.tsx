import type { MessageId } from "@shared/i18n/types.js";
import { CHILD_INDICATORS, ILO_INDICATORS, type Indicator, ROUTE_INDICATORS, SITUATIONS } from "@shared/taxonomy.js";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n.js";
import { Checks } from "../ui/checks.js";
import type { StepProps } from "./props.js";
import { SITUATION_ICONS } from "./situation-icons.js";

const GROUPS: [id: MessageId, codes: readonly Indicator[]][] = [
  ["indicators.group.ilo", ILO_INDICATORS],
  ["indicators.group.child", CHILD_INDICATORS],
  ["indicators.group.route", ROUTE_INDICATORS],
];

type GroupProps = {
  title: MessageId;
  codes: readonly Indicator[];
  value: Indicator[];
  set: StepProps["set"];
};

const IndicatorGroup = ({ title, codes, value, set }: GroupProps) => {
  const { t } = useI18n();
  const chosen = value.filter((i) => codes.includes(i));
  const others = value.filter((i) => !codes.includes(i));
  // Open at first if something is ticked; afterwards the reporter alone opens and closes it
  // (closing it under their cursor when they untick the last box would lose their focus).
  const [open] = useState(chosen.length > 0);
  return (
    <details class="disclosure" open={open}>
      <summary>
        {t(title)}
        {chosen.length > 0 && <span class="count"> ({chosen.length})</span>}
      </summary>
      <Checks
        name={`indicators-${codes[0]}`}
        legend={t(title)}
        options={codes.map((code) => ({ value: code, label: t(`indicator.${code}`) }))}
        value={chosen}
        onChange={(next) => set({ indicators: [...others, ...next] })}
      />
    </details>
  );
};

export const WhatStep = ({ draft, set }: StepProps) => {
  const { t } = useI18n();
  return (
    <>
      <Checks
        name="situations"
        legend={t("what.title")}
        asTitle
        hint={t("what.hint")}
        options={SITUATIONS.map((value) => ({ value, label: t(`situation.${value}`), icon: SITUATION_ICONS[value] }))}
        value={draft.situations}
        onChange={(situations) => set({ situations })}
      />
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title" class="h2">
          {t("indicators.title")} <span class="optional">{t("form.optional")}</span>
        </h2>
        <p class="hint">{t("indicators.hint")}</p>
        {GROUPS.map(([title, codes]) => (
          <IndicatorGroup key={title} title={title} codes={codes} value={draft.indicators} set={set} />
        ))}
      </section>
    </>
  );
};
