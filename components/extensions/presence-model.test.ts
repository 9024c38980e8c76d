import { describe, expect, it } from "vitest";
import { applyPresenceEvent, countByFilter, describeChange, filterRows, formatDuration, headline, mergeFresher, sortByNumber, type PresenceRow } from "./presence-model";

const row = (number: string, extra: Partial<PresenceRow> = {}): PresenceRow => ({
  id: `ext-${number}`, number, displayName: `Name ${number}`, sipAccountId: `sip-${number}`, doNotDisturb: false, registration: null, call: null, ...extra,
});
const at = new Date("2026-01-01T10:00:00Z");

describe("[EXTENSIONS] presence model", () => {
  it("applies a registration event to the row with that SIP account, parsing dates", () => {
    const rows = [row("201"), row("202")];
    const result = applyPresenceEvent(rows, {
      kind: "registration", sipAccountId: "sip-202",
      registration: { sipAccountId: "sip-202", state: "REGISTERED", userAgent: "Yealink", address: "10.0.0.2", updatedAt: at.toISOString() },
    });
    expect(result?.changed.registration?.updatedAt).toEqual(at);
    expect(result?.rows.map(headline)).toEqual(["Not registered", "Registered"]);
    expect(rows[1]!.registration).toBeNull(); // not mutated
  });

  it("applies a call event and clears it when the row is deleted", () => {
    const rows = [row("201")];
    const ringing = applyPresenceEvent(rows, { kind: "call", extensionId: "ext-201", call: { extensionId: "ext-201", state: "IN_CALL", peer: "202", since: at.toISOString(), updatedAt: at.toISOString() } });
    expect(ringing?.changed.call?.since).toEqual(at);
    expect(describeChange(ringing!.changed)).toBe("201 Name 201: On a call with 202");
    const cleared = applyPresenceEvent(ringing!.rows, { kind: "call", extensionId: "ext-201", call: null });
    expect(headline(cleared!.changed)).toBe("Not registered");
  });

  it("keeps a newer event's state when an older reload answers after it, and takes what the reload knows better", () => {
    const reg = (state: "REGISTERED" | "UNREGISTERED", minute: number) => ({ sipAccountId: "sip-202", state, userAgent: null, address: null, updatedAt: new Date(at.getTime() + minute * 60_000) });
    // The reload ran while the phone was offline (minute 1); its event of minute 2 arrived first.
    const live = [row("202", { registration: reg("REGISTERED", 2) })];
    const staleReload = [row("202", { registration: reg("UNREGISTERED", 1) }), row("203")];
    const merged = mergeFresher(live, staleReload);
    expect(merged.map(headline)).toEqual(["Registered", "Not registered"]); // and the new row 203 joins
    // A reload that is newer wins.
    expect(mergeFresher(live, [row("202", { registration: reg("UNREGISTERED", 3) })]).map(headline)).toEqual(["Not registered"]);
    // Rows the reload no longer has are gone.
    expect(mergeFresher(live, [])).toEqual([]);
  });

  it("returns null for an extension it does not know, so the page refetches", () => {
    expect(applyPresenceEvent([row("201")], { kind: "call", extensionId: "ext-999", call: null })).toBeNull();
  });

  it("filters by chip and search text, and counts each chip", () => {
    const reg = { sipAccountId: "s", state: "REGISTERED" as const, userAgent: null, address: null, updatedAt: at };
    const rows = [row("201", { registration: reg }), row("202", { displayName: "Reception" }), row("203", { call: { extensionId: "ext-203", state: "RINGING", peer: "+4420", since: at, updatedAt: at } })];
    expect(filterRows(rows, "registered", "").map((r) => r.number)).toEqual(["201"]);
    expect(filterRows(rows, "all", "recep").map((r) => r.number)).toEqual(["202"]);
    expect(filterRows(rows, "all", "+4420").map((r) => r.number)).toEqual(["203"]);
    expect(countByFilter(rows)).toMatchObject({ all: 3, registered: 1, unregistered: 2, ringing: 1, busy: 0 });
  });

  it("sorts in dial order, not text order", () => {
    expect(sortByNumber([row("4001"), row("99"), row("201")]).map((r) => r.number)).toEqual(["99", "201", "4001"]);
  });

  it("formats call durations as mm:ss, and hours when needed", () => {
    expect(formatDuration(65_000)).toBe("01:05");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(-5_000)).toBe("00:00");
  });

  it("applies a do-not-disturb event and reads it as the headline while idle, never over a call", () => {
    const rows = [row("201"), row("202")];
    const result = applyPresenceEvent(rows, { kind: "dnd", extensionId: "ext-202", doNotDisturb: true })!;
    expect(result.rows.map((r) => r.doNotDisturb)).toEqual([false, true]);
    expect(headline(result.changed)).toBe("Do not disturb");
    expect(describeChange(result.changed)).toBe("202 Name 202: Do not disturb");
    expect(headline(row("203", { doNotDisturb: true, call: { extensionId: "ext-203", state: "IN_CALL", peer: "204", since: at, updatedAt: at } }))).toBe("On a call");
    expect(applyPresenceEvent(rows, { kind: "dnd", extensionId: "ext-999", doNotDisturb: true })).toBeNull();
  });
});
