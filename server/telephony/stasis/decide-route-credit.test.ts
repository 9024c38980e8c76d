/** decideRoute and the company's credit (issue 13): read for every call, and a failed read never refuses a call. */
import { describe, expect, it } from "vitest";
import { testPlan } from "../engine/test-dial-plan";
import { createLogger } from "../log";
import { decideRoute } from "./decide-route";
import type { StasisDeps } from "./deps";

const dialOut = { source: { kind: "extension" as const, extensionId: "e-alice" }, dialled: "07700 900123", callerId: { number: null, name: null } };
const deps = (over: Partial<StasisDeps>) => ({ clock: () => new Date("2026-12-07T10:00:00Z"), ...over }) as StasisDeps;

describe("decideRoute: credit", () => {
  it("asks about credit even for a company without hunt groups, and refuses when it is used up", async () => {
    const asked: string[] = [];
    const plan = await decideRoute(deps({ isOutOfCredit: async (tenantId) => (asked.push(tenantId), true) }), testPlan(), dialOut, createLogger({ write: () => {} }));
    expect(asked).toEqual(["t1"]);
    expect(plan.kind).toBe("barred");
    expect(plan.steps[0]).toMatchObject({ type: "play" });
  });

  it("routes normally with credit", async () => {
    const plan = await decideRoute(deps({ isOutOfCredit: async () => false }), testPlan(), dialOut, createLogger({ write: () => {} }));
    expect(plan.kind).toBe("outbound");
  });

  it("lets the call through, with a warning, when the credit cannot be read", async () => {
    const lines: string[] = [];
    const plan = await decideRoute(deps({ isOutOfCredit: () => Promise.reject(new Error("db down")) }), testPlan(), dialOut, createLogger({ write: (l) => lines.push(l) }));
    expect(plan.kind).toBe("outbound");
    expect(lines.join("\n")).toContain("could not read the company's credit");
  });
});
