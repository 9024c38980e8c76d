import { describe, expect, it } from "vitest";
import { moveItem, REORDER_MESSAGES } from "./move-item";

describe("moveItem", () => {
  it.each([
    [0, 2, ["b", "c", "a"]],
    [2, 0, ["c", "a", "b"]],
    [1, 2, ["a", "c", "b"]],
    [1, 1, ["a", "b", "c"]],
    [0, 3, ["a", "b", "c"]],
    [-1, 0, ["a", "b", "c"]],
  ])("moves index %i to %i", (from, to, expected) => {
    const items = ["a", "b", "c"];
    expect(moveItem(items, from, to)).toEqual(expected);
    expect(items).toEqual(["a", "b", "c"]);
  });

  it("says positions as people count them", () => {
    expect(REORDER_MESSAGES.moved("Bob Baker", 1, 3)).toBe("Moved Bob Baker to position 2 of 3.");
    expect(REORDER_MESSAGES.cancelled("Bob Baker", 0, 3)).toBe("Reordering cancelled. Bob Baker stays at position 1 of 3.");
  });
});
