import { describe, expect, it } from "vitest";
import { ZCallRuleInput, type TCallRuleInput } from "@/server/modules/routing/rules/schema";
import { draftOf, errorsByPath, errorUnder, parsePatterns, toRuleInput } from "./rule-draft";

const RULE: TCallRuleInput = {
  name: "US office hours",
  isEnabled: true,
  period: { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "except" },
  callerFilter: { patterns: [{ number: "+1212", match: "prefix" }], countries: ["US"] },
  dialledFilter: null,
  action: { kind: "forward", destination: { kind: "external", number: "+12125550100" } },
};

describe("rule drafts", () => {
  it("round-trips a rule through the form", () => {
    expect(ZCallRuleInput.parse(toRuleInput(draftOf(RULE)))).toEqual(RULE);
    const toExtension = { ...RULE, action: { kind: "forward" as const, destination: { kind: "extension" as const, extensionId: "ext1" } } };
    expect(toRuleInput(draftOf(toExtension))).toEqual(toExtension);
    const reject = { ...RULE, callerFilter: null, period: null, action: { kind: "reject" as const, cause: "busy" as const } };
    expect(toRuleInput(draftOf(reject))).toEqual(reject);
  });

  it("reads typed numbers: prefixes end with *, formatting is dropped", () => {
    expect(parsePatterns(" +1 (212) *, 020-7946 0000 ,, ")).toEqual([{ number: "+1212", match: "prefix" }, { number: "02079460000", match: "exact" }]);
  });

  it("keys schema issues by path for the fields that show them", () => {
    const draft = { ...draftOf(RULE), name: "", hasCaller: true, callerNumbers: "", countries: [], action: "forward" as const, destinationKey: "" };
    const parsed = ZCallRuleInput.safeParse(toRuleInput(draft));
    expect(parsed.success).toBe(false);
    const errors = errorsByPath(parsed.error!.issues);
    expect(errors.name).toBe("Name the rule");
    expect(errorUnder(errors, "callerFilter")).toBe("Add a number or a country, or match any caller");
    expect(errorUnder(errors, "action")).toBeDefined();
  });
});
