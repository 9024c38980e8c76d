/**
 * Named prepared statements on the shared pool (server/db.ts), for the few statements that run
 * on every public request: the API's key lookup, the callback intake's reads, its rate-limit
 * counters and its insert (bench:callback). Measured on one of them, Prisma's $queryRaw costs
 * about 320 µs of the web process's CPU a call and plain pg about 50; preparing once per
 * connection also saves PostgreSQL parsing and planning every time (505 → 155 µs for the
 * callback company's read). Everything else keeps using Prisma.
 *
 * A statement's name carries a hash of its text: a connection remembers what it prepared
 * under a name, and Next's dev server reloads edited modules onto the same connections.
 * Behind PgBouncer, use its transaction mode with max_prepared_statements set (1.21+).
 */
import { createHash } from "node:crypto";
import type { QueryResultRow } from "pg";
import { dbPool } from "../db";

export interface Statement<Row extends QueryResultRow> {
  readonly name: string;
  readonly text: string;
  /** Only for the type: what one row looks like. */
  readonly row?: Row;
}

export function prepare<Row extends QueryResultRow>(label: string, text: string): Statement<Row> {
  if (!/^[a-z][a-z0-9-]*$/.test(label)) throw new Error(`statement label "${label}" must be lower-case words joined by dashes`);
  return { name: `${label}-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`, text };
}

export async function runPrepared<Row extends QueryResultRow>(statement: Statement<Row>, values: readonly unknown[]): Promise<Row[]> {
  const result = await dbPool.query<Row>({ name: statement.name, text: statement.text, values: values.map(toParameter) });
  return result.rows;
}

/**
 * Dates as UTC ISO text: a `timestamp` column keeps the digits and drops the offset, so pg's
 * default (local time with an offset) would store local wall-clock time off a UTC server.
 */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}
