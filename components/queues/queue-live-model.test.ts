import { describe, expect, it } from "vitest";
import { applyQueueEvent, describeQueue, type QueueLiveRow } from "./queue-live-model";

const row = (id: string, waitingCount = 0): QueueLiveRow => ({
  id, number: "700", name: "Support", waitingCount, longestWaitingSince: null, loggedInCount: 1,
  members: [{ extensionId: "e1", number: "201", displayName: "Alice", isLoggedIn: true }, { extensionId: "e2", number: "202", displayName: "Bob", isLoggedIn: false }],
});

describe("applyQueueEvent", () => {
  it("replaces the queue, reading the longest wait as a date", () => {
    const { longestWaitingSince: _, ...fresh } = row("q1", 2);
    const next = applyQueueEvent([row("q0"), row("q1")], { kind: "queue", queueId: "q1", queue: { ...fresh, longestWaitingSince: "2026-12-04T10:00:00.000Z" } });
    expect(next?.[1]).toMatchObject({ id: "q1", waitingCount: 2, longestWaitingSince: new Date("2026-12-04T10:00:00.000Z") });
    expect(next?.[0]).toEqual(row("q0"));
  });

  it("drops a deleted queue and asks for a refetch for an unknown one", () => {
    expect(applyQueueEvent([row("q0"), row("q1")], { kind: "queue", queueId: "q0", queue: null })?.map((r) => r.id)).toEqual(["q1"]);
    const { longestWaitingSince: _, ...fresh } = row("q9");
    expect(applyQueueEvent([row("q0")], { kind: "queue", queueId: "q9", queue: { ...fresh, longestWaitingSince: null } })).toBeNull();
  });

  it("says the queue in words", () => {
    expect(describeQueue(row("q1", 1))).toBe("Queue 700 Support: 1 caller waiting, 1 of 2 logged in");
    expect(describeQueue(row("q1"))).toBe("Queue 700 Support: nobody waiting, 1 of 2 logged in");
  });
});
