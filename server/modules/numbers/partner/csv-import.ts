/**
 * Parses a partner's stock sheet (`number,area,setup_price,monthly_price[,country]`) into the
 * rows that can be stocked and a report of the rows that cannot, each with its file line and
 * why. Pure: the service adds what needs the database (numbers already taken), then writes the
 * valid rows in one transaction or none of them, as the admin chose.
 */
import { decimalProblem } from "../../tariffs/domain";
import { splitCsvLine } from "../../tariffs/csv-line";
import { textProblem } from "../../../validation/text";
import { DEFAULT_STOCK_COUNTRY, MAX_AREA_CHARS, parseStockNumber } from "./stock-number";

export const MAX_DID_IMPORT_ROWS = 5_000;
export const MAX_DID_IMPORT_BYTES = 1024 * 1024;
const MAX_LINE_CHARS = 1_000;

export type DidCsvRow = {
  line: number;
  number: string;
  countryIso: string;
  numberType: string | null;
  nationalDigits: string;
  area: string | null;
  setupPrice: string;
  monthlyPrice: string;
};
/** `number` is the cell as written (a rejected number may not have an E.164 form). */
export type DidCsvRejection = { line: number; number: string; reason: string };
export type DidCsvResult = { rows: DidCsvRow[]; rejected: DidCsvRejection[] };

const REQUIRED_COLUMNS = ["number", "setup_price", "monthly_price"] as const;
export const DID_CSV_HEADER = "number,area,setup_price,monthly_price,country";

/** A problem with the file as a whole: nothing in it is read. */
export class DidCsvFileError extends Error {}

function header(lines: string[]) {
  const index = lines.findIndex((l) => l.trim() !== "");
  if (index < 0) throw new DidCsvFileError(`The file is empty. Expected a header row: ${DID_CSV_HEADER}`);
  const line = lines[index]!;
  const problem = line.length > MAX_LINE_CHARS ? "it is too long" : textProblem(line, "singleLine");
  const fields = problem ? problem : splitCsvLine(line);
  if (!Array.isArray(fields)) throw new DidCsvFileError(`Line ${index + 1}: bad header (${fields}). Expected: ${DID_CSV_HEADER}`);
  const columns = new Map(fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new DidCsvFileError(`Line ${index + 1}: the header has no ${missing.join(", ")} column. The first row names the columns: ${DID_CSV_HEADER}`);
  }
  return { index, names: fields.map((f) => f.trim().toLowerCase()), columns };
}

/**
 * Throws DidCsvFileError for a file that cannot be read at all (too large, no header, too many
 * rows); otherwise every data line is either a row or a rejection. Line numbers are the file's,
 * 1-based with the header as line 1, so a person finds them in a spreadsheet.
 */
export function parseDidCsv(text: string): DidCsvResult {
  if (new TextEncoder().encode(text).length > MAX_DID_IMPORT_BYTES) throw new DidCsvFileError("The file is larger than 1 MB. Split it and import the parts.");
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const head = header(lines);
  const dataLines = lines.slice(head.index + 1).filter((l) => l.trim() !== "").length;
  if (dataLines === 0) throw new DidCsvFileError("The file has a header but no numbers.");
  if (dataLines > MAX_DID_IMPORT_ROWS) throw new DidCsvFileError(`The file has ${dataLines.toLocaleString("en")} numbers; import at most ${MAX_DID_IMPORT_ROWS.toLocaleString("en")} at a time.`);

  const rows: DidCsvRow[] = [];
  const rejected: DidCsvRejection[] = [];
  const firstLineOf = new Map<string, number>();
  for (let i = head.index + 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i]!.trim() === "") continue;
    const result = readRow(lines[i]!, head);
    if ("reason" in result) {
      rejected.push({ line, number: result.number, reason: result.reason });
      continue;
    }
    const first = firstLineOf.get(result.number);
    if (first !== undefined) {
      rejected.push({ line, number: result.written, reason: `${result.number} is already on line ${first}.` });
      continue;
    }
    firstLineOf.set(result.number, line);
    const { written: _written, ...row } = result;
    rows.push({ line, ...row });
  }
  return { rows, rejected };
}

type Head = ReturnType<typeof header>;

function readRow(text: string, head: Head): (Omit<DidCsvRow, "line"> & { written: string }) | { number: string; reason: string } {
  if (text.length > MAX_LINE_CHARS) return { number: "", reason: `The line is longer than ${MAX_LINE_CHARS.toLocaleString("en")} characters.` };
  const fields = splitCsvLine(text);
  if (!Array.isArray(fields)) return { number: "", reason: `${fields}.` };
  const cell = (name: string) => (fields[head.columns.get(name) ?? -1] ?? "").trim();
  const written = cell("number");
  // Every cell, also columns the import does not read: nothing hidden rides along in a sheet.
  const badCells = fields.flatMap((field, column) => {
    const problem = textProblem(field, "singleLine");
    return problem ? [`${head.names[column] || `column ${column + 1}`}: ${problem}`] : [];
  });
  if (badCells.length > 0) return { number: written, reason: `${badCells.join("; ")}.` };

  const problems: string[] = [];
  const country = cell("country").toUpperCase() || undefined;
  const parsed = parseStockNumber(written, country);
  if ("problem" in parsed) problems.push(parsed.problem.replace(/\.$/, ""));
  const area = cell("area");
  if (area.length > MAX_AREA_CHARS) problems.push(`area must be at most ${MAX_AREA_CHARS} characters`);
  for (const name of ["setup_price", "monthly_price"]) {
    const problem = decimalProblem(cell(name));
    if (problem) problems.push(`${name} ${problem}`);
  }
  if (problems.length > 0 || "problem" in parsed) return { number: written, reason: `${problems.join("; ")}.` };
  return {
    written,
    number: parsed.number.e164,
    countryIso: parsed.number.country ?? country ?? DEFAULT_STOCK_COUNTRY,
    numberType: parsed.number.kind,
    nationalDigits: parsed.number.nationalDigits,
    area: area || null,
    setupPrice: cell("setup_price"),
    monthlyPrice: cell("monthly_price"),
  };
}

