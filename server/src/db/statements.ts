import { fillPlaceholders, type Placeholder, sql } from "drizzle-orm";

export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

/** One SQL statement with its values, as every database driver here takes it. */
export type SqlStatement = { sql: string; args: SqlValue[] };

type Buildable = { toSQL(): { sql: string; params: unknown[] } };

/**
 * A statement that drizzle builds once, with placeholders; each use only fills in the values (mapped
 * to the driver's types by the columns, as drizzle would). The SQL text stays the same, so a driver
 * can keep it prepared. Every value must be given: a column default computed in JavaScript would
 * otherwise be computed once, for every row.
 */
export const template = <V extends Record<string, unknown>>(query: Buildable) => {
  const { sql: text, params } = query.toSQL();
  return (values: V): SqlStatement => ({ sql: text, args: fillPlaceholders(params, values) as SqlValue[] });
};

/** `{ column: placeholder("column") }` for each name, to build a template's values with. */
export const placeholders = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, Placeholder<K>>;
