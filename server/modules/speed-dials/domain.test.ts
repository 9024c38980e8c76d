import { describe, expect, it } from "vitest";
import { speedDialCodeProblem, type NumberSpace } from "./domain";

const space: NumberSpace = {
  emergencyNumbers: ["999", "112"],
  internal: [
    { number: "201", title: "extension 201 (Alice)" },
    { number: "600", title: "hunt group 600 (Sales)" },
    { number: "700", title: "call queue 700 (Support)" },
  ],
};

describe("speedDialCodeProblem", () => {
  it.each([
    ["*21", null],
    ["21", null],
    ["2011", null],
    ["999", "999 is an emergency number."],
    ["99", "99 is the start of the emergency number 999."],
    ["11", "11 is the start of the emergency number 112."],
    ["201", "201 is already extension 201 (Alice)."],
    ["600", "600 is already hunt group 600 (Sales)."],
    ["700", "700 is already call queue 700 (Support)."],
    ["20", "20 is the start of extension 201 (Alice)'s number 201."],
    ["6", "6 is the start of hunt group 600 (Sales)'s number 600."],
  ])("%s -> %s", (code, problem) => {
    expect(speedDialCodeProblem(code, space)).toBe(problem);
  });
});
