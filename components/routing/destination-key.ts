/**
 * A routing destination as one <select> value and back: "<kind>:<id>" for listed choices,
 * "voicemail:general" for the company's box, "external" for a typed number, "" for none.
 * Pure, so the picker's round trip is unit-tested.
 */
import type { TRoutingDestination } from "@/server/modules/routing/stored";

export const NO_DESTINATION_KEY = "";
export const GENERAL_VOICEMAIL_KEY = "voicemail:general";

export function destinationKey(d: TRoutingDestination | null): string {
  if (d === null) return NO_DESTINATION_KEY;
  switch (d.kind) {
    case "extension":
      return `extension:${d.extensionId}`;
    case "voicemail":
      return d.extensionId === null ? GENERAL_VOICEMAIL_KEY : `voicemail:${d.extensionId}`;
    case "fax":
      return `fax:${d.sipAccountId}`;
    case "huntGroup":
      return `huntGroup:${d.huntGroupId}`;
    case "ivr":
      return `ivr:${d.ivrMenuId}`;
    case "queue":
      return `queue:${d.queueId}`;
    case "external":
      return "external";
  }
}

/** The destination a select value names; `typedNumber` keeps what was typed when switching to "external". */
export function destinationFromKey(key: string, typedNumber: string): TRoutingDestination | null {
  if (key === "external") return { kind: "external", number: typedNumber };
  if (key === GENERAL_VOICEMAIL_KEY) return { kind: "voicemail", extensionId: null };
  const [kind, id] = key.split(":");
  if (!id) return null;
  switch (kind) {
    case "extension":
      return { kind: "extension", extensionId: id };
    case "voicemail":
      return { kind: "voicemail", extensionId: id };
    case "fax":
      return { kind: "fax", sipAccountId: id };
    case "huntGroup":
      return { kind: "huntGroup", huntGroupId: id };
    case "ivr":
      return { kind: "ivr", ivrMenuId: id };
    case "queue":
      return { kind: "queue", queueId: id };
    default:
      return null;
  }
}
