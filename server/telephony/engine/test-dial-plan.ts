/** Shared fixture for the engine's unit tests: one small UK tenant covering every case. */
import { compileDialPlan } from "./compile-dial-plan";
import type { IncomingCall, TenantDialPlan, TenantDialPlanInput } from "./types";

export const NOW = new Date("2025-01-06T09:15:00Z"); // a Monday; 09:15 in London in winter

export function testInput(overrides: Partial<TenantDialPlanInput> = {}): TenantDialPlanInput {
  return {
    tenantId: "t1",
    timeZone: "Europe/London",
    numbering: { countryCode: "44", nationalPrefix: "0", internationalPrefix: "00" },
    defaultRingTimeoutSec: 20,
    extensions: [
      { id: "e-alice", number: "201", displayName: "Alice", endpoint: "PJSIP/alice", voicemail: { isEnabled: true, mailbox: "201@t1" }, outboundCli: "01632 960001" },
      { id: "e-bob", number: "202", displayName: "Bob", endpoint: "PJSIP/bob", voicemail: { isEnabled: false, mailbox: "202@t1" }, outboundCli: null },
      { id: "e-carol", number: "203", displayName: "Carol", endpoint: null, voicemail: { isEnabled: true, mailbox: "203@t1" }, outboundCli: "+447700900999" },
      { id: "e-dora", number: "0123", displayName: "Dora", endpoint: "PJSIP/dora", voicemail: { isEnabled: false, mailbox: "0123@t1" }, outboundCli: null, ringTimeoutSec: 35 },
    ],
    faxAccounts: [{ id: "s-fax", endpoint: "PJSIP/fax-1", label: "fax-1" }],
    dids: [
      { number: "+441632960001", target: { kind: "extension", extensionId: "e-alice" } },
      { number: "01632 960002", target: { kind: "voicemail", mailbox: "sales@t1" } },
      { number: "+441632960003", target: { kind: "external", number: "07700 900123", presentCaller: true } },
      { number: "+441632960004", target: { kind: "external", number: "+15551234567" } },
      { number: "+441632960005", target: { kind: "extension", extensionId: "e-gone" } },
      { number: "+441632960006", target: { kind: "extension", extensionId: "e-bob" } },
      { number: "+441632960007", target: { kind: "fax", sipAccountId: "s-fax" } },
      { number: "+441632960008", target: { kind: "fax", sipAccountId: "s-gone" } },
    ],
    blocked: [
      { number: "+447700900666", match: "exact" },
      { number: "0900", match: "prefix" },
      { number: "+1900", match: "prefix" },
    ],
    isAnonymousBlocked: false,
    outbound: { trunk: "carrier-a", allowedClis: ["+441632960001", "01632 960002"], defaultCli: "+441632960000" },
    emergencyNumbers: ["999", "112"],
    ...overrides,
  };
}

export function testPlan(overrides: Partial<TenantDialPlanInput> = {}): TenantDialPlan {
  return compileDialPlan(testInput(overrides));
}

export function fromExtension(extensionId: string, dialled: string, requestedCli: string | null = null): IncomingCall {
  return { source: { kind: "extension", extensionId }, dialled, callerId: { number: requestedCli, name: null } };
}

export function fromTrunk(did: string, callerNumber: string | null, callerName: string | null = null): IncomingCall {
  return { source: { kind: "trunk" }, dialled: did, callerId: { number: callerNumber, name: callerName } };
}
