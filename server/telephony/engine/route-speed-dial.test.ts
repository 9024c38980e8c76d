import { describe, expect, it } from "vitest";
import type { CallStep } from "./call-plan";
import { routeCall } from "./route-call";
import { fromExtension, NOW, testPlan } from "./test-dial-plan";
import type { SpeedDial } from "./types";

const SPEED_DIALS: SpeedDial[] = [
  { code: "*21", number: "+15551230000", label: "Head office" },
  { code: "22", number: "202", label: "Bob's desk" },
  { code: "*23", number: "01632 960100", label: "Warehouse" },
  { code: "*24", number: "+441632960006", label: "Own number to Bob" },
  { code: "*25", number: "999", label: "Emergency" },
];
const plan = testPlan({ speedDials: SPEED_DIALS });

/** Where the first step goes: a trunk number, the endpoints rung, or the step's type. */
function target(steps: readonly CallStep[]): string {
  const step = steps[0];
  if (step?.type === "dialOutbound") return step.number;
  if (step?.type === "dial") return step.targets.map((t) => ("endpoint" in t ? t.endpoint : t.kind)).join(",");
  return step?.type ?? "none";
}

describe("routeCall: speed dials", () => {
  it.each([
    ["*21 dials the outside number through the trunk", "*21", "outbound", "+15551230000"],
    ["22 rings the internal extension it names", "22", "internal", "PJSIP/bob"],
    ["*23 reads a national number in the company's country", "*23", "outbound", "+441632960100"],
    ["*24 keeps the company's own DID on-net", "*24", "internal", "PJSIP/bob"],
    ["*25 places an emergency call as dialling 999 would", "*25", "emergency", "999"],
    ["an unknown code is unallocated", "*29", "unallocated", "hangup"],
  ] as const)("%s", (_name, dialled, kind, reached) => {
    const result = routeCall(plan, fromExtension("e-alice", dialled), NOW);
    expect(result.kind).toBe(kind);
    expect(target(result.steps)).toBe(reached);
  });

  it("says in the trace which speed dial it used", () => {
    const result = routeCall(plan, fromExtension("e-alice", "*21"), NOW);
    expect(result.trace).toContain('"*21" is speed dial "Head office": dialling +15551230000.');
  });

  it.each([
    ["an extension's number", { code: "201", number: "+15551230000", label: "Shadow" }, "201", "internal", "PJSIP/alice"],
    ["an emergency number", { code: "999", number: "+15551230000", label: "Shadow" }, "999", "emergency", "999"],
  ] as const)("never shadows %s, and warns", (_name, speedDial, dialled, kind, reached) => {
    const shadowed = testPlan({ speedDials: [speedDial] });
    expect(shadowed.speedDialsByCode.size).toBe(0);
    expect(shadowed.warnings.join("\n")).toContain(`speed dial "${speedDial.code}"`);
    const result = routeCall(shadowed, fromExtension("e-bob", dialled), NOW);
    expect([result.kind, target(result.steps)]).toEqual([kind, reached]);
  });

  it("does not follow a speed dial to another code, so a lookup never loops", () => {
    const chained = testPlan({ speedDials: [{ code: "*1", number: "*2", label: "A" }, { code: "*2", number: "*1", label: "B" }] });
    expect(chained.speedDialsByCode.size).toBe(0);
    expect(routeCall(chained, fromExtension("e-alice", "*1"), NOW).kind).toBe("unallocated");
  });

  it("ignores malformed codes and keeps the first of duplicates", () => {
    const compiled = testPlan({ speedDials: [{ code: "**1", number: "202", label: "Bad" }, { code: "31", number: "202", label: "First" }, { code: "31", number: "201", label: "Second" }] });
    expect([...compiled.speedDialsByCode.values()].map((s) => s.label)).toEqual(["First"]);
    expect(compiled.warnings.filter((w) => w.startsWith("speed dial"))).toHaveLength(2);
  });

  it("is not consulted for calls from the trunk", () => {
    const result = routeCall(plan, { source: { kind: "trunk" }, dialled: "*21", callerId: { number: "+447700900111", name: null } }, NOW);
    expect(result.kind).not.toBe("outbound");
  });
});
