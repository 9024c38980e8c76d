import { describe, expect, it } from "vitest";
import { splitCsvLine } from "./csv-line";
import { MAX_IMPORT_ROWS, MAX_LINE_CHARS, MAX_REPORTED_ERRORS, normalizePrefix, parseTariffCsv } from "./domain";

const HEADER = "prefix,description,rate_per_minute,connect_fee,increment_sec,minimum_sec";
const sheet = (...lines: string[]) => [HEADER, ...lines].join("\n");

describe("[TARIFFS] parseTariffCsv", () => {
  it("parses rows, normalising + and 00 prefixes and keeping decimals as text", () => {
    const { rows, errors } = parseTariffCsv(sheet("+44,UK fixed,0.01,0,60,0", "0033,France,0.12345,0.5,1,30", "1,,0.02,0,6,6"));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { prefix: "44", description: "UK fixed", ratePerMinute: "0.01", connectFee: "0", incrementSec: 60, minimumSec: 0 },
      { prefix: "33", description: "France", ratePerMinute: "0.12345", connectFee: "0.5", incrementSec: 1, minimumSec: 30 },
      { prefix: "1", description: null, ratePerMinute: "0.02", connectFee: "0", incrementSec: 6, minimumSec: 6 },
    ]);
  });

  it("accepts a header in any case and order, with CRLF, a BOM, blank lines and no description", () => {
    const text = "\uFEFFRATE_PER_MINUTE,Prefix,Connect_Fee,Minimum_Sec,Increment_Sec\r\n\r\n0.1,447,0.02,0,60\r\n";
    const { rows, errors } = parseTariffCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ prefix: "447", description: null, ratePerMinute: "0.1", connectFee: "0.02", incrementSec: 60, minimumSec: 0 }]);
  });

  it("reads quoted descriptions containing commas and quotes", () => {
    const { rows } = parseTariffCsv(sheet('49,"Germany, mobile ""D1""",0.2,0,60,0'));
    expect(rows[0]?.description).toBe('Germany, mobile "D1"');
  });

  it("reports each bad line with its file line number and every problem on it", () => {
    const { rows, errors } = parseTariffCsv(
      sheet("44,UK,0.01,0,60,0", "4a4,Bad,0.01,0,60,0", "45,Neg,-0.5,0,60,0", "46,Places,0.123456,0,60,0", "47,Incr,0.1,0,0,0", "48,Both,abc,0,3601,-1"),
    );
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[0]!.message).toMatch(/^prefix must be 1 to 15 digits/);
    expect(errors[1]!.message).toMatch(/rate_per_minute must not be negative/);
    expect(errors[2]!.message).toMatch(/at most 5 decimal places/);
    expect(errors[3]!.message).toMatch(/increment_sec must be from 1 to 3600/);
    expect(errors[4]!.message).toMatch(/rate_per_minute .*; increment_sec .*; minimum_sec/);
  });

  it("reports duplicate prefixes, also when written differently", () => {
    const { errors } = parseTariffCsv(sheet("44,A,0.01,0,60,0", "+44,B,0.02,0,60,0"));
    expect(errors).toEqual([{ line: 3, message: "prefix 44 is already on line 2" }]);
  });

  it("rejects a missing header column, an empty file and a header without rates", () => {
    expect(parseTariffCsv("prefix,rate_per_minute\n44,0.1").errors[0]!.message).toMatch(/missing column connect_fee, increment_sec, minimum_sec/);
    expect(parseTariffCsv("  \n").errors[0]!.message).toMatch(/empty/);
    expect(parseTariffCsv(HEADER).errors).toEqual([{ line: 1, message: "The file has a header but no rates." }]);
  });

  it("reports malformed quoting on its line", () => {
    expect(parseTariffCsv(sheet('44,"open,0.1,0,60,0')).errors).toEqual([{ line: 2, message: "Unclosed quote in column 2" }]);
  });

  it("refuses more than the row limit and more than 2 MB", () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `${100000 + i},,0.1,0,60,0`);
    const { errors } = parseTariffCsv(sheet(...many));
    expect(errors.at(-1)!.message).toMatch(/More than 50,000 rates/);
    const huge = sheet(`44,${"x".repeat(2 * 1024 * 1024)},0.1,0,60,0`);
    expect(parseTariffCsv(huge).errors[0]!.message).toMatch(/larger than 2 MB/);
  });

  it("refuses control characters and over-long lines per line, in any column, and reads the good lines on", () => {
    const { errors, rows } = parseTariffCsv(
      sheet("44,UK\u0000fixed,0.01,0,60,0", "33,FR,0.1,0,60,0", `34,ES,0.1,0,60,0,${"n".repeat(MAX_LINE_CHARS)}`, "35,PT\tmobile,0.1,0,60,0"),
    );
    expect(errors).toEqual([
      { line: 2, message: "description: Remove the control character U+0000; it cannot be typed or stored" },
      { line: 4, message: "The line is longer than 1,000 characters" },
      { line: 5, message: "description: Use one line: remove the tab" },
    ]);
    expect(rows.map((r) => r.prefix)).toEqual(["33"]);
    // A column the import does not read is checked too, and named by its position.
    expect(parseTariffCsv(sheet("44,UK,0.01,0,60,0,\u001b[31m")).errors).toEqual([
      { line: 2, message: "column 7: Remove the control character U+001B; it cannot be typed or stored" },
    ]);
    expect(parseTariffCsv("prefix,rate_per_minute,connect_fee,increment_sec,minimum_sec,\u202enote\n44,0.1,0,60,0,x").errors[0]!.message).toMatch(/^Bad header \(Remove the text-direction control U\+202E\)/);
  });

  it("caps the error list and says how many more there were", () => {
    const bad = Array.from({ length: MAX_REPORTED_ERRORS + 5 }, (_, i) => `x${i},,0.1,0,60,0`);
    const { errors } = parseTariffCsv(sheet(...bad));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)!.message).toBe("…and 5 more lines with errors.");
  });
});

describe("[TARIFFS] helpers", () => {
  it("normalizePrefix strips +, 00, spaces and dashes only at the start or as separators", () => {
    expect(normalizePrefix(" +44 20 ")).toBe("4420");
    expect(normalizePrefix("0044-7")).toBe("447");
    expect(normalizePrefix("0")).toBe("0");
  });

  it("splitCsvLine keeps empty fields and refuses text after a closing quote", () => {
    expect(splitCsvLine("a,,c,")).toEqual(["a", "", "c", ""]);
    expect(splitCsvLine('"a"b,c')).toBe("Text after a closing quote in column 1");
  });
});
