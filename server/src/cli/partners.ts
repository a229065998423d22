import { asc } from "drizzle-orm";
import { partners } from "../db/schema.js";
import type { CliContext } from "./context.js";

export const listPartners = ({ db }: CliContext) =>
  db
    .select({
      key: partners.key,
      name: partners.name,
      allowedOrigins: partners.allowedOrigins,
      languages: partners.languages,
      countries: partners.countries,
      captchaProviders: partners.captchaProviders,
      exitUrl: partners.exitUrl,
    })
    .from(partners)
    .orderBy(asc(partners.key));
