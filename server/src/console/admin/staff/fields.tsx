import { STAFF_ROLES } from "../../../staff/members.js";
import type { Translate } from "../../i18n.js";
import { Radios, Select } from "../../ui/fields.js";
import { errorFor, type FieldError } from "../../ui/forms.js";

export type AgencyChoice = { id: string; name: string };

/** The role, then the agency (only agents have one): the same two fields to create and to change. */
export const PlacementFields = ({
  t,
  agencies,
  values,
  errors,
}: {
  t: Translate;
  agencies: AgencyChoice[];
  values: { role?: string | undefined; agencyId?: string | undefined };
  errors: FieldError[];
}) => (
  <>
    <Radios
      t={t}
      id="role"
      name="role"
      label={t("staff.role")}
      hint={t("staff.role.hint")}
      error={errorFor(errors, "role")}
      choices={STAFF_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      checked={values.role}
    />
    <Select
      t={t}
      id="agency"
      name="agency"
      label={t("staff.agency")}
      hint={t("staff.agency.hint")}
      error={errorFor(errors, "agency")}
      choices={[{ value: "", label: t("staff.agency.none") }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
      selected={values.agencyId ?? ""}
    />
  </>
);
