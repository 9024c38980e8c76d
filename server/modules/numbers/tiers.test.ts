import { describe, expect, it } from "vitest";
import { patternProblem, tierFor, ZTierRules, type Tier } from "./tiers";

const gold: Tier = { name: "Gold", rank: 3, rules: [{ kind: "repeated", length: 5 }, { kind: "roundEnding", zeros: 4 }], setupPremium: "50", monthlyPremium: "10" };
const silver: Tier = { name: "Silver", rank: 2, rules: [{ kind: "sequence", length: 4 }, { kind: "repeated", length: 4 }], setupPremium: "20", monthlyPremium: "4" };
const bronze: Tier = { name: "Bronze", rank: 1, rules: [{ kind: "regex", pattern: "(\\d\\d)\\1$" }], setupPremium: "5", monthlyPremium: "0" };
const tiers = [bronze, gold, silver];

describe("tierFor", () => {
  it("puts numbers in the highest tier a rule matches", () => {
    expect(tierFor("2071230000", tiers)?.name).toBe("Gold"); // round: four zeros
    expect(tierFor("2077777712", tiers)?.name).toBe("Gold"); // 7 × 6 in a row
    expect(tierFor("2071234895", tiers)?.name).toBe("Silver"); // 1234
    expect(tierFor("2079876515", tiers)?.name).toBe("Silver"); // 9876 counting down
    expect(tierFor("2071845151", tiers)?.name).toBe("Bronze"); // ends 5151
    expect(tierFor("2071845192", tiers)).toBeNull();
  });

  it("prefers the higher rank when several tiers match", () => {
    // 0000 is four repeated (silver) and a four-zero ending (gold).
    expect(tierFor("2071830000", tiers)?.name).toBe("Gold");
  });

  it("gives nothing for input that is not digits", () => {
    expect(tierFor("+442071230000", tiers)).toBeNull();
    expect(tierFor("", tiers)).toBeNull();
  });
});

describe("rule validation", () => {
  it("refuses invalid and dangerous patterns with a message", () => {
    expect(patternProblem("(12")).toMatch(/not a valid regular expression/);
    expect(patternProblem("(1+)+$")).toMatch(/Nested repetition/);
    expect(patternProblem("x".repeat(121))).toMatch(/under 120/);
    expect(patternProblem("^20\\d{4}0000$")).toBeNull();
    const parsed = ZTierRules.safeParse([{ kind: "regex", pattern: "[0-" }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/not a valid regular expression/);
    expect(ZTierRules.safeParse([{ kind: "repeated", length: 1 }]).error?.issues[0]?.message).toBe("Run length must be at least 2.");
    expect(ZTierRules.safeParse([]).error?.issues[0]?.message).toBe("Add at least one rule.");
  });
});
