import { describe, expect, it } from "vitest";
import { parseTariffCsv } from "../modules/tariffs/domain";
import { csvCell, writeCsv } from "./write-csv";

describe("[CSV] csvCell", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["\rCR", "\"'\rCR\""],
  ])("neutralises a formula start: %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes cells holding a comma, a quote, CR or LF, doubling the quotes", () => {
    expect(csvCell("Smith, Jo")).toBe('"Smith, Jo"');
    expect(csvCell('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it("leaves ordinary text alone, a formula character after the start included", () => {
    expect(csvCell("Reception")).toBe("Reception");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(" =1")).toBe(" =1");
    expect(csvCell("")).toBe("");
  });

  it("writes numbers as numbers, so a negative one is not mangled", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(1234)).toBe("1234");
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("writes null and undefined as empty cells and booleans as words", () => {
    expect([null, undefined, true, false].map(csvCell)).toEqual(["", "", "true", "false"]);
  });
});

describe("[CSV] writeCsv", () => {
  it("ends every line, the last included, with CRLF and escapes the header too", () => {
    expect(writeCsv(["name", "=total"], [["Acme", 3], ["-Globex", -2]])).toBe("name,'=total\r\nAcme,3\r\n'-Globex,-2\r\n");
  });

  it("writes a header alone when there are no rows", () => {
    expect(writeCsv(["a", "b"], [])).toBe("a,b\r\n");
  });

  it("round-trips through the rate-sheet reader", () => {
    const csv = writeCsv(
      ["prefix", "description", "rate_per_minute", "connect_fee", "increment_sec", "minimum_sec"],
      [["49", 'Germany, mobile "D1"', "0.2", "0", 60, 0]],
    );
    expect(parseTariffCsv(csv).rows).toEqual([
      { prefix: "49", description: 'Germany, mobile "D1"', ratePerMinute: "0.2", connectFee: "0", incrementSec: 60, minimumSec: 0 },
    ]);
  });
});
