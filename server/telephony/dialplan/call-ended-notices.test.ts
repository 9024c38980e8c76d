import { describe, expect, it } from "vitest";
import { callEndedNotices, MAX_IDS_PER_NOTICE } from "./call-ended-notices";

describe("callEndedNotices", () => {
  it("sends one notice per tenant with every extension on its calls, once each", () => {
    const notices = callEndedNotices([
      { tenantId: "t1", extensionId: "e1", answeredByExtensionId: "e2" },
      { tenantId: "t2", extensionId: null },
      { tenantId: "t1", extensionId: "e1", answeredByExtensionId: null },
    ]);
    expect(notices).toEqual([
      { tenantId: "t1", kind: "callEnded", extensionIds: ["e1", "e2"] },
      { tenantId: "t2", kind: "callEnded", extensionIds: [] },
    ]);
  });

  it("splits a tenant's ids so no payload passes NOTIFY's 8000-byte limit", () => {
    const rows = Array.from({ length: MAX_IDS_PER_NOTICE + 1 }, (_, i) => ({ tenantId: "t1", extensionId: `c${String(i).padStart(24, "0")}` }));
    const notices = callEndedNotices(rows);
    expect(notices.map((n) => (n.kind === "callEnded" ? n.extensionIds.length : 0))).toEqual([MAX_IDS_PER_NOTICE, 1]);
    for (const n of notices) expect(JSON.stringify(n).length).toBeLessThan(8000);
  });

  it("sends nothing for an empty batch", () => {
    expect(callEndedNotices([])).toEqual([]);
  });
});
