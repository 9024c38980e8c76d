/**
 * The one text type every input schema builds on, so no procedure, present or future, lets a
 * character through that PostgreSQL refuses (NUL answers error 22021) or that would corrupt
 * what people read later: control characters in names, line breaks that forge audit or CSV
 * lines, bidirectional overrides that make "gpj.exe" read as "exe.jpg".
 *
 * Browser-safe (no server imports): the forms validate with the same schemas.
 */
import { z } from "zod";

export type TextKind = "singleLine" | "multiLine";

/** Line breaks and tabs: refused on one line, kept in multi-line text. */
const LAYOUT_CHARACTERS = new Set(["\n", "\r", "\t"]);
/** Unicode's bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** U+2028 and U+2029 break lines like LF does, in browsers and in JavaScript source. */
const UNICODE_LINE_BREAK = /[\u2028\u2029]/;

function codePoint(char: string) {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `value` is not acceptable text of this kind, or null. Refused everywhere: Unicode's
 * control characters (C0, DEL and C1) other than line breaks and tabs in multi-line text, and
 * lone surrogates (not text at all; PostgreSQL cannot store them). Refused on one line as well:
 * line breaks, tabs and bidirectional controls.
 */
export function textProblem(value: string, kind: TextKind): string | null {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) return "Remove the broken character (an unpaired surrogate); it is not valid text";
    const isControl = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    if (LAYOUT_CHARACTERS.has(char)) {
      if (kind === "singleLine") return char === "\t" ? "Use one line: remove the tab" : "Use one line: remove the line break";
      continue;
    }
    if (isControl) return `Remove the control character ${codePoint(char)}; it cannot be typed or stored`;
    if (kind === "singleLine" && UNICODE_LINE_BREAK.test(char)) return "Use one line: remove the line break";
    if (kind === "singleLine" && BIDI_CONTROL.test(char)) return `Remove the text-direction control ${codePoint(char)}`;
  }
  return null;
}

/** A zod check refusing what `textProblem` refuses; it aborts, so the field shows this one message. */
function refuseBadLine(ctx: z.core.ParsePayload<string>) {
  const problem = textProblem(ctx.value, "singleLine");
  if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value, continue: false });
}

/** Most lines with a problem that one multi-line value reports; the rest are counted. */
export const MAX_REPORTED_LINES = 10;

/** Per line, so a pasted sheet says which of its lines to fix ("Line 12: …"). */
function refuseBadLines(ctx: z.core.ParsePayload<string>) {
  const lines = ctx.value.split(/\r\n|\n|\r/);
  const bad = lines.flatMap((line, i) => {
    const problem = textProblem(line, "multiLine");
    return problem ? [lines.length > 1 ? `Line ${i + 1}: ${problem}` : problem] : [];
  });
  if (bad.length > MAX_REPORTED_LINES) bad.splice(MAX_REPORTED_LINES, Infinity, `…and ${bad.length - MAX_REPORTED_LINES} more lines like these`);
  for (const message of bad) ctx.issues.push({ code: "custom", message, input: ctx.value, continue: false });
}

/**
 * One line of text: names, emails, ids, numbers typed as text, search terms. Trimmed first
 * (a pasted trailing newline is harmless), unless `trim: false` (passwords are taken as typed).
 * A ZodString, so `.min()`, `.max()` and `.regex()` chain on, and run after this check.
 */
export function singleLine(options: { trim?: boolean } = {}) {
  const text = options.trim === false ? z.string() : z.string().trim();
  return text.check(refuseBadLine);
}

/** Text that may span lines (notes, descriptions): keeps line breaks and tabs, refuses the rest. */
export function multiLine() {
  return z.string().check(refuseBadLines);
}

/** A record's id as the client echoes it back (cuid today); the lookup, scoped, says whether it exists. */
export const ZRecordId = singleLine({ trim: false }).min(1, "Choose a record").max(40, "Not a valid id");
