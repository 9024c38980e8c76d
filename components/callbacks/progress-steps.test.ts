import { describe, expect, it } from "vitest";
import { progressSteps } from "./progress-steps";

const states = (s: Parameters<typeof progressSteps>[0]) => progressSteps(s).map((step) => step.state);
const base = { firstAnsweredAt: null, connectedAt: null, failureReason: null };

describe("[CALLBACKS] progress steps", () => {
  it("walks calling you → you answered → calling them → connected", () => {
    expect(states({ ...base, state: "QUEUED" })).toEqual(["pending", "pending", "pending", "pending"]);
    expect(states({ ...base, state: "CALLING_FIRST" })).toEqual(["current", "pending", "pending", "pending"]);
    expect(states({ ...base, state: "CALLING_SECOND", firstAnsweredAt: "x" })).toEqual(["done", "done", "current", "pending"]);
    expect(states({ ...base, state: "CONNECTED" })).toEqual(["done", "done", "done", "done"]);
    expect(progressSteps({ ...base, state: "CONNECTED" }).map((s) => s.label)).toEqual(["Calling you", "You answered", "Calling them", "Connected"]);
  });

  it("marks the step that failed", () => {
    expect(states({ ...base, state: "FAILED", failureReason: "FIRST_NO_ANSWER" })).toEqual(["failed", "pending", "pending", "pending"]);
    expect(states({ ...base, state: "FAILED", failureReason: "SECOND_BUSY", firstAnsweredAt: "x" })).toEqual(["done", "done", "failed", "pending"]);
  });
});
