/**
 * The phone book's CSV: `name,company,email,mobile,work,home,fax,other`, one contact per
 * line, a number column per label (several numbers of one label separated by ";"). Export
 * writes exactly this, so a file exported can be imported back. Pure: the service adds who
 * owns the rows and writes them.
 *
 * Line numbers are the file's, 1-based with the header as line 1, so a person finds them in a
 * spreadsheet. Quoting is RFC 4180 through the tariff sheets' splitCsvLine.
 */
import { textProblem } from "../../validation/text";
import { splitCsvLine } from "../tariffs/csv-line";
import { toCompanyE164 } from "./company-number";
import { MAX_CONTACT_IMPORT_BYTES, MAX_NUMBERS_PER_CONTACT, NUMBER_LABELS, ZCreateContactInput } from "./schema";

export const MAX_CONTACT_IMPORT_ROWS = 5_000;
const MAX_LINE_CHARS = 2_000;
const LABEL_COLUMNS = NUMBER_LABELS.map((l) => l.toLowerCase());
export const CONTACT_CSV_HEADER = ["name", "company", "email", ...LABEL_COLUMNS] as const;

export type ContactCsvRow = { line: number; name: string; company: string | null; email: string | null; numbers: { label: string; number: string; position: number }[] };
export type ContactCsvRejection = { line: number; name: string; reason: string };

/** A problem with the file as a whole: nothing in it is read. */
export class ContactCsvFileError extends Error {}

function readHeader(lines: string[]) {
  const index = lines.findIndex((l) => l.trim() !== "");
  const expected = CONTACT_CSV_HEADER.join(",");
  if (index < 0) throw new ContactCsvFileError(`The file is empty. Expected a header row: ${expected}`);
  const line = lines[index]!;
  const problem = line.length > MAX_LINE_CHARS ? "it is too long" : textProblem(line, "singleLine");
  const fields = problem ?? splitCsvLine(line);
  if (!Array.isArray(fields)) throw new ContactCsvFileError(`Line ${index + 1}: bad header (${fields}). Expected: ${expected}`);
  const columns = new Map(fields.map((name, i) => [name.trim().toLowerCase(), i]));
  if (!columns.has("name")) throw new ContactCsvFileError(`Line ${index + 1}: the header has no name column. The first row names the columns: ${expected}`);
  if (!LABEL_COLUMNS.some((c) => columns.has(c))) throw new ContactCsvFileError(`Line ${index + 1}: the header has no number column (${LABEL_COLUMNS.join(", ")}).`);
  return { index, columns };
}

/** Throws ContactCsvFileError for a file that cannot be read at all; otherwise each data line is a row or a rejection. */
export function parseContactCsv(text: string, callingCode: string): { rows: ContactCsvRow[]; rejected: ContactCsvRejection[] } {
  if (new TextEncoder().encode(text).length > MAX_CONTACT_IMPORT_BYTES) throw new ContactCsvFileError("The file is larger than 1 MB. Split it and import the parts.");
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const head = readHeader(lines);
  const dataLines = lines.slice(head.index + 1).filter((l) => l.trim() !== "").length;
  if (dataLines === 0) throw new ContactCsvFileError("The file has a header but no contacts.");
  if (dataLines > MAX_CONTACT_IMPORT_ROWS) throw new ContactCsvFileError(`The file has ${dataLines.toLocaleString("en")} contacts; import at most ${MAX_CONTACT_IMPORT_ROWS.toLocaleString("en")} at a time.`);
  const rows: ContactCsvRow[] = [];
  const rejected: ContactCsvRejection[] = [];
  for (let i = head.index + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    const result = readRow(lines[i]!, head.columns, callingCode);
    if ("reason" in result) rejected.push({ line: i + 1, name: result.name, reason: result.reason });
    else rows.push({ line: i + 1, ...result });
  }
  return { rows, rejected };
}

function readRow(text: string, columns: Map<string, number>, callingCode: string): Omit<ContactCsvRow, "line"> | { name: string; reason: string } {
  if (text.length > MAX_LINE_CHARS) return { name: "", reason: `The line is longer than ${MAX_LINE_CHARS.toLocaleString("en")} characters.` };
  const fields = splitCsvLine(text);
  if (!Array.isArray(fields)) return { name: "", reason: `${fields}.` };
  // A text marker our export (and spreadsheets) put before a leading =, +, - or @ is not part of the value.
  const cell = (name: string) => (fields[columns.get(name) ?? -1] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
  const name = cell("name");
  const problems: string[] = [];
  const numbers: { label: string; number: string }[] = [];
  for (const [i, label] of NUMBER_LABELS.entries()) {
    for (const written of cell(LABEL_COLUMNS[i]!).split(";").map((n) => n.trim()).filter(Boolean)) {
      const e164 = toCompanyE164(written, callingCode);
      if (e164) numbers.push({ label, number: e164 });
      else problems.push(`${LABEL_COLUMNS[i]}: "${written.slice(0, 40)}" is not a valid phone number`);
    }
  }
  if (numbers.length > MAX_NUMBERS_PER_CONTACT) problems.push(`at most ${MAX_NUMBERS_PER_CONTACT} numbers per contact`);
  // The same schema as the form, so a file can never hold what the form refuses.
  const checked = ZCreateContactInput.safeParse({ book: "company", name, company: cell("company"), email: cell("email"), numbers: numbers.length > 0 ? numbers : [] });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "row");
      // A cell that held only bad numbers already says so.
      if (field === "numbers" && (numbers.length > MAX_NUMBERS_PER_CONTACT || problems.length > 0)) continue;
      problems.push(field === "numbers" ? "no phone number" : `${field}: ${issue.message.toLowerCase()}`);
    }
  }
  if (problems.length > 0) return { name, reason: `${[...new Set(problems)].join("; ")}.` };
  const unique = [...new Map(numbers.map((n) => [n.number, n])).values()];
  return { name, company: cell("company") || null, email: cell("email") || null, numbers: unique.map((n, position) => ({ ...n, position })) };
}
