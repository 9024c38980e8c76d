/**
 * Pure tariff rules: number formats and the CSV rate-sheet parser. No I/O, so the import
 * dialog, the service and the unit tests all agree on what a valid sheet is.
 */
import { textProblem } from "../../validation/text";
import { splitCsvLine } from "./csv-line";

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** A rate line is well under 200 characters; a longer one is a wrong file or a payload. */
export const MAX_LINE_CHARS = 1_000;
/** Errors beyond this are summarised, so a wrong file does not produce a 50,000-line reply. */
export const MAX_REPORTED_ERRORS = 100;

/** Up to 7 integer digits (Decimal(12,5)) and 5 decimal places; the sign is checked separately. */
export const DECIMAL_PATTERN = /^\d{1,7}(\.\d{1,5})?$/;
export const PREFIX_PATTERN = /^\d{1,15}$/;

export type TariffRateRow = {
  prefix: string;
  description: string | null;
  ratePerMinute: string;
  connectFee: string;
  incrementSec: number;
  minimumSec: number;
};
export type CsvLineError = { line: number; message: string };
export type TariffCsvResult = { rows: TariffRateRow[]; errors: CsvLineError[] };

const REQUIRED_COLUMNS = ["prefix", "rate_per_minute", "connect_fee", "increment_sec", "minimum_sec"] as const;
const HEADER_HINT = "prefix,description,rate_per_minute,connect_fee,increment_sec,minimum_sec";

/** Destination prefix as stored: E.164 digits without "+" or the international "00". */
export function normalizePrefix(raw: string): string {
  const trimmed = raw.trim().replace(/[\s-]/g, "");
  if (trimmed.startsWith("+")) return trimmed.slice(1);
  if (trimmed.startsWith("00")) return trimmed.slice(2);
  return trimmed;
}

/** Why `raw` is not a money amount we store, or null when it is. */
export function decimalProblem(raw: string): string | null {
  const value = raw.trim();
  if (value === "") return "is empty";
  if (/^-/.test(value)) return "must not be negative";
  if (!DECIMAL_PATTERN.test(value)) return "must be a number with at most 5 decimal places";
  return null;
}

function integerInRange(raw: string, min: number, max: number): number | string {
  const value = raw.trim();
  if (!/^\d+$/.test(value)) return `must be a whole number from ${min} to ${max}`;
  const n = Number(value);
  return n < min || n > max ? `must be from ${min} to ${max}` : n;
}

/**
 * Parses a rate sheet. Line numbers are 1-based file lines (the header is line 1), so a
 * person can find them in a spreadsheet. Blank lines are skipped. The result is all-or-nothing
 * for the caller: any error means the sheet must not be written.
 */
export function parseTariffCsv(text: string): TariffCsvResult {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    return { rows: [], errors: [{ line: 0, message: "The file is larger than 2 MB. Split it and import the parts in merge mode." }] };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) return { rows: [], errors: [{ line: 0, message: `The file is empty. Expected a header: ${HEADER_HINT}` }] };

  const headerProblem = lines[headerIndex]!.length > MAX_LINE_CHARS ? "it is too long" : textProblem(lines[headerIndex]!, "singleLine");
  if (headerProblem) return { rows: [], errors: [{ line: headerIndex + 1, message: `Bad header (${headerProblem}). Expected: ${HEADER_HINT}` }] };
  const header = splitCsvLine(lines[headerIndex]!);
  const columns = new Map((Array.isArray(header) ? header : []).map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (!Array.isArray(header) || missing.length > 0) {
    const what = missing.length > 0 ? `missing column ${missing.join(", ")}` : header;
    return { rows: [], errors: [{ line: headerIndex + 1, message: `Bad header (${what}). Expected: ${HEADER_HINT}` }] };
  }

  const rows: TariffRateRow[] = [];
  const errors: CsvLineError[] = [];
  const seen = new Map<string, number>();
  let dataLines = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === "") continue;
    if (++dataLines > MAX_IMPORT_ROWS) {
      errors.push({ line: i + 1, message: `More than ${MAX_IMPORT_ROWS.toLocaleString("en")} rates. Split the file.` });
      break;
    }
    if (text.length > MAX_LINE_CHARS) {
      errors.push({ line: i + 1, message: `The line is longer than ${MAX_LINE_CHARS.toLocaleString("en")} characters` });
      continue;
    }
    const fields = splitCsvLine(text);
    if (!Array.isArray(fields)) {
      errors.push({ line: i + 1, message: fields });
      continue;
    }
    // Every cell, also columns the import does not read: nothing hidden rides along in a sheet.
    const badCells = fields.flatMap((field, column) => {
      const problem = textProblem(field, "singleLine");
      return problem ? [`${header[column]?.trim().toLowerCase() || `column ${column + 1}`}: ${problem}`] : [];
    });
    if (badCells.length > 0) {
      errors.push({ line: i + 1, message: badCells.join("; ") });
      continue;
    }
    const cell = (name: string) => fields[columns.get(name) ?? -1] ?? "";
    const problems: string[] = [];

    const prefix = normalizePrefix(cell("prefix"));
    if (!PREFIX_PATTERN.test(prefix)) problems.push("prefix must be 1 to 15 digits (a leading + or 00 is allowed)");
    for (const name of ["rate_per_minute", "connect_fee"]) {
      const problem = decimalProblem(cell(name));
      if (problem) problems.push(`${name} ${problem}`);
    }
    const incrementSec = integerInRange(cell("increment_sec"), 1, 3600);
    if (typeof incrementSec === "string") problems.push(`increment_sec ${incrementSec}`);
    const minimumSec = integerInRange(cell("minimum_sec"), 0, 3600);
    if (typeof minimumSec === "string") problems.push(`minimum_sec ${minimumSec}`);
    const description = cell("description").trim();
    if (description.length > 120) problems.push("description must be at most 120 characters");

    const firstLine = seen.get(prefix);
    if (PREFIX_PATTERN.test(prefix) && firstLine !== undefined) problems.push(`prefix ${prefix} is already on line ${firstLine}`);
    else seen.set(prefix, i + 1);

    if (problems.length > 0 || typeof incrementSec === "string" || typeof minimumSec === "string") {
      // Column names stay lower case: they are what the header says.
      errors.push({ line: i + 1, message: problems.join("; ") });
      continue;
    }
    rows.push({
      prefix,
      description: description || null,
      ratePerMinute: cell("rate_per_minute").trim(),
      connectFee: cell("connect_fee").trim(),
      incrementSec,
      minimumSec,
    });
  }
  if (dataLines === 0 && errors.length === 0) errors.push({ line: headerIndex + 1, message: "The file has a header but no rates." });
  return { rows, errors: summarise(errors) };
}

function summarise(errors: CsvLineError[]): CsvLineError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const rest = errors.length - MAX_REPORTED_ERRORS;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { line: 0, message: `…and ${rest} more lines with errors.` }];
}
