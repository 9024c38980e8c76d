import { describe, expect, it } from "vitest";
import { DidCsvFileError, MAX_DID_IMPORT_ROWS, parseDidCsv } from "./csv-import";

const HEADER = "number,area,setup_price,monthly_price";
const sheet = (...rows: string[]) => [HEADER, ...rows].join("\n");
const reasonsOf = (text: string) => parseDidCsv(text).rejected.map((r) => [r.line, r.reason]);

describe("parseDidCsv", () => {
  it("reads good rows into E.164 with country, type and prices", () => {
    const { rows, rejected } = parseDidCsv(sheet("020 7946 0000,London,10,2.5", "+441614960123,Manchester,0,1.00001"));
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { line: 2, number: "+442079460000", countryIso: "GB", numberType: "FIXED_LINE", nationalDigits: "2079460000", area: "London", setupPrice: "10", monthlyPrice: "2.5" },
      { line: 3, number: "+441614960123", countryIso: "GB", numberType: "FIXED_LINE", nationalDigits: "1614960123", area: "Manchester", setupPrice: "0", monthlyPrice: "1.00001" },
    ]);
  });

  it("takes columns in any order and case, skips blank lines, a BOM and quoted cells", () => {
    const text = '\uFEFFMonthly_Price,Number,Setup_Price,Area\r\n\r\n2,"0121 496 0777",1,"Birmingham, city"\r\n';
    const { rows } = parseDidCsv(text);
    expect(rows).toMatchObject([{ line: 3, number: "+441214960777", area: "Birmingham, city", setupPrice: "1", monthlyPrice: "2" }]);
  });

  it("reads a national number in the row's country, and refuses a country mismatch", () => {
    const text = ["number,setup_price,monthly_price,country", "(202) 555-0143,0,1,US", "+442079460001,0,1,US", "020 7946 0002,0,1,ZZ"].join("\n");
    const { rows, rejected } = parseDidCsv(text);
    expect(rows.map((r) => [r.number, r.countryIso])).toEqual([["+12025550143", "US"]]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(rejected[0]!.reason).toBe("+442079460001 is a GB number, not US.");
    expect(rejected[1]!.reason).toContain("“ZZ” is not a country code");
  });

  it("rejects a malformed number, naming the row", () => {
    expect(reasonsOf(sheet("020 7946 00,London,0,1", "not a number,London,0,1", ",London,0,1"))).toEqual([
      [2, "“020 7946 00” is not a valid GB number (or an international one starting with +)."],
      [3, "“not a number” is not a valid GB number (or an international one starting with +)."],
      [4, "Enter a number."],
    ]);
  });

  it("refuses premium-rate and shared-cost numbers", () => {
    const [reason] = parseDidCsv(sheet("0909 879 0000,,0,1")).rejected;
    expect(reason).toMatchObject({ line: 2, number: "0909 879 0000" });
    expect(reason!.reason).toContain("premium-rate or shared-cost");
  });

  it("rejects bad prices: negative, too many decimals, empty, text", () => {
    expect(reasonsOf(sheet("02079460000,,-1,1", "02079460001,,1,0.123456", "02079460002,,,1", "02079460003,,1,free"))).toEqual([
      [2, "setup_price must not be negative."],
      [3, "monthly_price must be a number with at most 5 decimal places."],
      [4, "setup_price is empty."],
      [5, "monthly_price must be a number with at most 5 decimal places."],
    ]);
  });

  it("lists every problem of a row in one reason", () => {
    expect(reasonsOf(sheet(`12,${"x".repeat(81)},-1,1`))[0]![1]).toBe(
      "“12” is not a valid GB number (or an international one starting with +); area must be at most 80 characters; setup_price must not be negative.",
    );
  });

  it("rejects a number written twice in the file, however it is written", () => {
    const { rows, rejected } = parseDidCsv(sheet("020 7946 0000,,0,1", "+44 20 7946 0000,,0,1"));
    expect(rows).toHaveLength(1);
    expect(rejected).toEqual([{ line: 3, number: "+44 20 7946 0000", reason: "+442079460000 is already on line 2." }]);
  });

  it("rejects a row with broken quoting or a control character", () => {
    expect(reasonsOf(sheet('"02079460000,,0,1', "02079460001,Lon\u0007don,0,1"))).toEqual([
      [2, "Unclosed quote in column 1."],
      [3, "area: Remove the control character U+0007; it cannot be typed or stored."],
    ]);
  });

  it("refuses a file without a header, or with a required column missing", () => {
    expect(() => parseDidCsv("02079460000,London,0,1")).toThrow(/header has no number, setup_price, monthly_price/);
    expect(() => parseDidCsv("number,area,setup_price\n02079460000,London,0")).toThrow(/no monthly_price column/);
    expect(() => parseDidCsv("\n\n")).toThrow(DidCsvFileError);
    expect(() => parseDidCsv(HEADER)).toThrow(/header but no numbers/);
  });

  it("refuses a file over the row or size limit before reading any row", () => {
    const tooMany = sheet(...Array.from({ length: MAX_DID_IMPORT_ROWS + 1 }, () => "02079460000,,0,1"));
    expect(() => parseDidCsv(tooMany)).toThrow(/at most 5,000/);
    expect(() => parseDidCsv(sheet(`02079460000,${"x".repeat(1024 * 1024)},0,1`))).toThrow(/larger than 1 MB/);
    expect(parseDidCsv(sheet(...Array.from({ length: MAX_DID_IMPORT_ROWS }, () => "02079460000,,0,1"))).rows).toHaveLength(1);
  });
});
