/**
 * The one CSV writer for every export (reports, phone books, rate sheets). It writes RFC 4180
 * CSV with CRLF line ends and neutralises formula injection as OWASP advises: a text cell that
 * starts with =, +, -, @, a tab or a carriage return gets a leading single quote, so a name a
 * customer typed as `=HYPERLINK(…)` opens in a spreadsheet as text, not as a formula.
 *
 * Numbers are ours, not user text, so they are written as they are: -5 stays -5 and a
 * spreadsheet still sums it. That is why a value must be passed as a number to stay unprefixed;
 * the same value as the string "-5" is prefixed, because a string cannot be told apart from text
 * a person typed. Non-finite numbers are a bug in the caller and throw.
 *
 * Pure and synchronous: the caller chooses the response (`text/csv; charset=utf-8`) and file name.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const LINE_END = "\r\n";

/** One cell, escaped. `null` and `undefined` are empty cells. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`A CSV cell cannot hold ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header line, then one line per row, each ended by CRLF. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return lines.join(LINE_END) + LINE_END;
}
