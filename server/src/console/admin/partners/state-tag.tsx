import type { Translate } from "../../i18n.js";

export const StateTag = ({ t, disabled }: { t: Translate; disabled: boolean }) => (
  <strong class={`tag ${disabled ? "tag--disabled" : "tag--enabled"}`}>
    {t(disabled ? "partners.state.disabled" : "partners.state.enabled")}
  </strong>
);
