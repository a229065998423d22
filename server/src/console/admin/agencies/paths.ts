export const AGENCIES_HOME = "/console/admin/agencies";
export const agencyPath = (id: string) => `${AGENCIES_HOME}/${encodeURIComponent(id)}`;
export const deliveriesPath = (id: string) => `${agencyPath(id)}/deliveries`;
