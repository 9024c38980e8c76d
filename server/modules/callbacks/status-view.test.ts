import { describe, expect, it } from "vitest";
import { describeCallbackStatus } from "./status-view";

const base = {
  id: "r1", source: "PORTAL" as const, state: "QUEUED" as const, failureReason: null, order: null,
  notBefore: new Date("2026-12-04T10:00:00Z"), createdAt: new Date("2026-12-04T10:00:00Z"), firstAnsweredAt: null, connectedAt: null, endedAt: null,
};
const now = new Date("2026-12-04T10:00:05Z");

describe("describeCallbackStatus", () => {
  it("speaks from the requester's side of a click-to-call", () => {
    expect(describeCallbackStatus({ ...base, state: "CALLING_FIRST" }, now).message).toBe("Calling you…");
    expect(describeCallbackStatus({ ...base, state: "CALLING_SECOND" }, now).message).toBe("You answered: calling them…");
    expect(describeCallbackStatus({ ...base, state: "FAILED", failureReason: "SECOND_BUSY" }, now)).toMatchObject({ failureReason: "SECOND_BUSY", message: "They were busy." });
  });

  it("speaks to the visitor when the company is rung first", () => {
    const widget = { ...base, source: "WIDGET" as const, order: "COMPANY_FIRST" as const };
    expect(describeCallbackStatus({ ...widget, state: "CALLING_FIRST" }, now).message).toBe("Finding someone to take your call…");
    expect(describeCallbackStatus({ ...widget, state: "CALLING_SECOND" }, now).message).toBe("Calling you…");
    expect(describeCallbackStatus({ ...widget, state: "FAILED", failureReason: "FIRST_NO_ANSWER" }, now).message).toContain("Nobody was free");
  });

  it("says when a request waits for opening time, and gives ISO times", () => {
    const scheduled = describeCallbackStatus({ ...base, source: "WIDGET", order: "VISITOR_FIRST", notBefore: new Date("2026-12-05T09:00:00Z") }, now);
    expect(scheduled.message).toContain("when we open");
    expect(scheduled.createdAt).toBe("2026-12-04T10:00:00.000Z");
    expect(describeCallbackStatus(base, now).message).toBe("Placing the call…");
  });
});
