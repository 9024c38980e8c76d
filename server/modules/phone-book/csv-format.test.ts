import { describe, expect, it } from "vitest";
import { ContactCsvFileError, CONTACT_CSV_HEADER, parseContactCsv } from "./csv-format";

const sheet = (...lines: string[]) => [CONTACT_CSV_HEADER.join(","), ...lines].join("\n");

describe("parseContactCsv", () => {
  it("reads contacts with labelled numbers in the company's country, several per cell", () => {
    const { rows, rejected } = parseContactCsv(sheet('Ann Archer,"Acme, Ltd",ann@example.com,07400 123456; 07400 123457,020 7946 0000,,,'), "44");
    expect(rejected).toEqual([]);
    expect(rows).toEqual([{
      line: 2, name: "Ann Archer", company: "Acme, Ltd", email: "ann@example.com",
      numbers: [
        { label: "Mobile", number: "+447400123456", position: 0 },
        { label: "Mobile", number: "+447400123457", position: 1 },
        { label: "Work", number: "+442079460000", position: 2 },
      ],
    }]);
  });

  it("reports each bad row with its file line and every reason", () => {
    const { rows, rejected } = parseContactCsv(sheet(
      "Good,,,07400 123456,,,,",
      ",,not-an-email,12,,,,",
      "No Number,,,,,,,",
      'Broken "quote,,,07400 123456,,,,',
    ), "44");
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(rejected).toEqual([
      { line: 3, name: "", reason: 'mobile: "12" is not a valid phone number; name: enter a name; email: enter a valid email address.' },
      { line: 4, name: "No Number", reason: "no phone number." },
      { line: 5, name: "", reason: "Unexpected quote in column 1." },
    ]);
  });

  it("reads back what the export writes: a text marker before + is dropped", () => {
    const { rows } = parseContactCsv(sheet("'=Bob,,,'+447400123456,,,,"), "44");
    expect(rows[0]).toMatchObject({ name: "=Bob", numbers: [{ number: "+447400123456" }] });
  });

  it("refuses a file without a header it can read", () => {
    expect(() => parseContactCsv("", "44")).toThrow(ContactCsvFileError);
    expect(() => parseContactCsv("company,email\nAcme,a@b.c", "44")).toThrow(/no name column/);
    expect(() => parseContactCsv("name,company", "44")).toThrow(/no number column/);
    expect(() => parseContactCsv(CONTACT_CSV_HEADER.join(","), "44")).toThrow(/no contacts/);
  });
});
