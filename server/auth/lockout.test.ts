import { describe, expect, it } from "vitest";
import { LOCKOUT, lockedUntil, minutesLeft } from "./lockout";

const now = new Date("2026-01-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("lockedUntil", () => {
  it("is not locked below the limit", () => {
    expect(lockedUntil([1, 2, 3, 4].map(minutesAgo), 5, now)).toBeNull();
  });

  it("locks for 15 minutes from the fifth failure within 10 minutes", () => {
    const until = lockedUntil([9, 7, 5, 3, 1].map(minutesAgo), 5, now);
    expect(until?.toISOString()).toBe(new Date(minutesAgo(1).getTime() + LOCKOUT.lockMs).toISOString());
    expect(minutesLeft(until!, now)).toBe(14);
  });

  it("does not lock when the failures are spread over more than 10 minutes", () => {
    expect(lockedUntil([14, 11, 8, 5, 2].map(minutesAgo), 5, now)).toBeNull();
  });

  it("unlocks once 15 minutes have passed since the limit was reached", () => {
    expect(lockedUntil([20, 19, 18, 17, 16].map(minutesAgo), 5, now)).toBeNull();
  });

  it("keeps the latest lock when failures continue", () => {
    const until = lockedUntil([12, 11, 10, 9, 8, 3, 2].map(minutesAgo), 5, now);
    expect(until?.getTime()).toBe(minutesAgo(2).getTime() + LOCKOUT.lockMs);
  });
});
