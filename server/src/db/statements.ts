import { is, Param, Placeholder, sql } from "drizzle-orm";

export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

/** One SQL statement with its values, as every database driver here takes it. */
export type SqlStatement = { sql: string; args: SqlValue[] };

type Buildable = { toSQL(): { sql: string; params: unknown[] } };
type Slot = { constant: SqlValue } | { name: string; toDriver: (value: unknown) => unknown };

const slotOf = (param: unknown): Slot => {
  if (is(param, Placeholder)) return { name: param.name, toDriver: (value) => value };
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { encoder } = param;
    return { name: param.value.name, toDriver: (value) => encoder.mapToDriverValue(value) };
  }
  return { constant: param as SqlValue };
};

/**
 * A statement that drizzle builds once, with placeholders; each use only fills in the values (mapped
 * to the driver's types by the columns, as drizzle would; a null stays NULL). The SQL text stays the
 * same, so a driver can keep it prepared. Every value must be given: a column default computed in
 * JavaScript would otherwise be computed once, for every row.
 */
export const template = <V extends Record<string, unknown>>(query: Buildable) => {
  const { sql: text, params } = query.toSQL();
  const slots = params.map(slotOf);
  return (values: V): SqlStatement => ({
    sql: text,
    args: slots.map((slot) => {
      if ("constant" in slot) return slot.constant;
      if (!(slot.name in values)) throw new Error(`no value for ${slot.name}`);
      const value = values[slot.name];
      return value === null ? null : (slot.toDriver(value) as SqlValue);
    }),
  });
};

/** `{ column: placeholder("column") }` for each name, to build a template's values with. */
export const placeholders = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, Placeholder<K>>;
