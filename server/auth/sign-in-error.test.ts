import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-error";

describe("signInErrorMessage", () => {
  it("tells a locked-out user plainly how long to wait", () => {
    expect(signInErrorMessage("locked:15")).toMatch(/locked for 15 more minutes/);
    expect(signInErrorMessage("locked:1")).toMatch(/locked for 1 more minute;/);
  });
  it("does not say which of email or password was wrong", () => {
    expect(signInErrorMessage("invalid")).toBe("Wrong email or password.");
  });
  it("explains a suspended company", () => {
    expect(signInErrorMessage("suspended")).toMatch(/suspended/);
  });
});
