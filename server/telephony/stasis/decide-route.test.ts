/**
 * decideRoute with the real engine and injected state and claims: the state is read only for
 * companies with hunt groups, a lost round-robin claim re-reads and re-routes (so the call
 * starts at the member the winner did not take), and the retries are bounded.
 */
import { describe, expect, it } from "vitest";
import { compileDialPlan, EMPTY_ROUTING_STATE, type DialStep, type RoutingState } from "../engine";
import { testInput, testPlan } from "../engine/test-dial-plan";
import { createLogger, silentLogger } from "../log";
import { decideRoute } from "./decide-route";
import type { StasisDeps } from "./deps";

const GROUP = { id: "hg-1", number: "600", name: "Sales", strategy: "roundRobin" as const, leastUsedBy: "answeredToday" as const, ringSec: 60, allowCallWaiting: false, overflow: null,
  members: [{ extensionId: "e-alice", ringSec: 10 }, { extensionId: "e-bob", ringSec: 10 }, { extensionId: "e-dora", ringSec: 10 }] };
const withGroup = compileDialPlan(testInput({ huntGroups: [GROUP], dids: [{ number: "+441632960060", target: { kind: "huntGroup", huntGroupId: "hg-1" } }] }));
const call = { source: { kind: "trunk" as const }, dialled: "+441632960060", callerId: { number: "+447700900111", name: null } };
const stateAt = (cursor: number): RoutingState => ({ ...EMPTY_ROUTING_STATE, roundRobinCursors: new Map([["hg-1", cursor]]) });
const firstRung = (plan: { steps: unknown[] }) => ((plan.steps[0] as DialStep).targets[0] as { extensionId: string }).extensionId;

function deps(over: Partial<StasisDeps>): StasisDeps {
  return { clock: () => new Date("2026-12-07T10:00:00Z"), ...over } as StasisDeps;
}

describe("decideRoute", () => {
  it("reads no state for a company without hunt groups", async () => {
    let reads = 0;
    const readState = async () => {
      reads++;
      return EMPTY_ROUTING_STATE;
    };
    const plan = await decideRoute(deps({ routingState: readState }), testPlan(), { ...call, dialled: "+441632960001" }, silentLogger());
    expect(reads).toBe(0);
    expect(plan.kind).toBe("inbound");
  });

  it("re-routes after a lost claim, from the cursor the winner left", async () => {
    let cursor = 4;
    const claimed: number[] = [];
    const plan = await decideRoute(deps({
      routingState: async () => stateAt(cursor),
      // Another worker takes the first cursor this call read; the second read wins.
      claimRoundRobin: async (_tenant, claims) => {
        if (cursor === 4) {
          cursor = 5;
          return false;
        }
        claimed.push(...claims.map((c) => c.cursor));
        return true;
      },
    }), withGroup, call, silentLogger());
    expect(claimed).toEqual([5]);
    expect(firstRung(plan)).toBe("e-dora"); // 5 mod 3 = 2
  });

  it("stops after five lost claims and rings anyway, saying so", async () => {
    const lines: string[] = [];
    let attempts = 0;
    const plan = await decideRoute(deps({
      routingState: async () => stateAt(attempts),
      claimRoundRobin: async () => {
        attempts++;
        return false;
      },
    }), withGroup, call, createLogger({ write: (line) => lines.push(line) }));
    expect(attempts).toBe(5);
    expect(plan.steps).toHaveLength(1);
    expect(lines.some((l) => l.includes("round-robin cursor kept moving"))).toBe(true);
  });
});
