/**
 * Splits one CSV line (RFC 4180 quoting: "a, b" and "say ""hi"""). Rate sheets keep one rate
 * per line, so a quoted field may not span lines: an unclosed quote is reported, not followed
 * onto the next line, which keeps every error on the line a person can see.
 *
 * Returns the fields, or a message saying why the line is not valid CSV.
 */
export function splitCsvLine(line: string): string[] | string {
  const fields: string[] = [];
  let field = "";
  let isQuoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (isQuoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        isQuoted = false;
        wasQuoted = true;
      }
      continue;
    }
    if (ch === ",") {
      fields.push(field);
      field = "";
      wasQuoted = false;
    } else if (ch === '"') {
      if (field.trim() !== "" || wasQuoted) return `Unexpected quote in column ${fields.length + 1}`;
      field = "";
      isQuoted = true;
    } else if (wasQuoted) {
      if (ch.trim() !== "") return `Text after a closing quote in column ${fields.length + 1}`;
    } else {
      field += ch;
    }
  }
  if (isQuoted) return `Unclosed quote in column ${fields.length + 1}`;
  fields.push(field);
  return fields;
}
