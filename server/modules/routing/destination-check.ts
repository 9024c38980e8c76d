/**
 * Checks a routing destination before it is stored (forwards, follow-me entries, hunt group
 * overflow, rule actions, IVR options, queue exits) and turns a stored one into the engine's `Destination`. Checks run
 * through the caller's tenant-scoped client, so another company's extension, fax account or
 * hunt group is simply not found. External numbers follow the numbers module's rules (real,
 * never premium-rate, never one of the company's own numbers) and are stored as E.164.
 */
import { isPremiumKind, parsePhoneNumber } from "@/components/format/phone-number";
import { AppError } from "../../errors";
import type { TenantDb } from "../../tenancy";
import type { Destination } from "../../telephony/engine";
import type { TRoutingDestination } from "./stored";

type Reader = Pick<TenantDb, "extension" | "sipAccount" | "did" | "huntGroup" | "ivrMenu" | "callQueue">;

export interface DestinationCheckContext {
  db: Reader;
  /** The company's region (libphonenumber), for numbers typed in national form. */
  region: string | undefined;
  /** Form field the errors belong to, e.g. "forwardBusy" or "steps.2.destination". */
  field: string;
  /** The extension being configured: forwarding it to itself is refused. */
  selfExtensionId?: string;
  /** The hunt group being configured: overflowing into itself is refused. */
  selfHuntGroupId?: string;
  /** The queue being configured: sending its callers back into itself is refused. */
  selfQueueId?: string;
}

const refuse = (code: "NOT_FOUND" | "INVALID", field: string, message: string) =>
  new AppError(code, message, { fieldErrors: { [field]: message } });

/** Returns the destination as it is stored (external numbers in E.164); throws AppError otherwise. */
export async function checkRoutingDestination(ctx: DestinationCheckContext, choice: TRoutingDestination): Promise<TRoutingDestination> {
  const { db, field } = ctx;
  switch (choice.kind) {
    case "extension": {
      if (choice.extensionId === ctx.selfExtensionId) throw refuse("INVALID", field, "An extension cannot forward to itself.");
      const found = await db.extension.findFirst({ where: { id: choice.extensionId }, select: { id: true } });
      if (!found) throw refuse("NOT_FOUND", field, "That extension does not exist.");
      return choice;
    }
    case "voicemail": {
      if (choice.extensionId === null) return choice;
      const found = await db.extension.findFirst({ where: { id: choice.extensionId }, select: { voicemailEnabled: true } });
      if (!found) throw refuse("NOT_FOUND", field, "That extension does not exist.");
      if (!found.voicemailEnabled) throw refuse("INVALID", field, "That extension has voicemail turned off.");
      return choice;
    }
    case "fax": {
      const found = await db.sipAccount.findFirst({ where: { id: choice.sipAccountId, type: "FAX" }, select: { id: true } });
      if (!found) throw refuse("NOT_FOUND", field, "That fax account does not exist.");
      return choice;
    }
    case "huntGroup": {
      if (choice.huntGroupId === ctx.selfHuntGroupId) throw refuse("INVALID", field, "A hunt group cannot overflow into itself.");
      const found = await db.huntGroup.findFirst({ where: { id: choice.huntGroupId }, select: { id: true } });
      if (!found) throw refuse("NOT_FOUND", field, "That hunt group does not exist.");
      return choice;
    }
    case "ivr": {
      // A menu may send callers to itself ("press 9 to hear this again"); whether callers can
      // ever leave the menus is the IVR write service's check (ivr-reachability.ts).
      const found = await db.ivrMenu.findFirst({ where: { id: choice.ivrMenuId }, select: { id: true } });
      if (!found) throw refuse("NOT_FOUND", field, "That IVR menu does not exist.");
      return choice;
    }
    case "queue": {
      if (choice.queueId === ctx.selfQueueId) throw refuse("INVALID", field, "A queue cannot send its callers back into itself.");
      const found = await db.callQueue.findFirst({ where: { id: choice.queueId }, select: { id: true } });
      if (!found) throw refuse("NOT_FOUND", field, "That call queue does not exist.");
      return choice;
    }
    case "external": {
      if ((await db.did.count()) === 0) throw refuse("INVALID", field, "Your company cannot call out yet, so it cannot forward calls.");
      const parsed = parsePhoneNumber(choice.number, ctx.region);
      if (!parsed) throw refuse("INVALID", field, "Enter a full phone number, in national form or starting with +.");
      if (isPremiumKind(parsed.kind)) throw refuse("INVALID", field, "Calls cannot be forwarded to premium-rate or shared-cost numbers.");
      const own = await db.did.findFirst({ where: { number: parsed.e164 }, select: { id: true } });
      if (own) throw refuse("INVALID", field, "That is one of your own numbers: send calls to its destination instead.");
      return { kind: "external", number: parsed.e164 };
    }
  }
}

/** The engine's form of a stored destination; `mailboxOf(null)` is the company's general box. */
export function toEngineDestination(stored: TRoutingDestination, mailboxOf: (extensionId: string | null) => string, options: { confirm?: boolean } = {}): Destination {
  switch (stored.kind) {
    case "extension":
      return { kind: "extension", extensionId: stored.extensionId };
    case "voicemail":
      return { kind: "voicemail", mailbox: mailboxOf(stored.extensionId) };
    case "fax":
      return { kind: "fax", sipAccountId: stored.sipAccountId };
    case "huntGroup":
      return { kind: "huntGroup", huntGroupId: stored.huntGroupId };
    case "ivr":
      return { kind: "ivr", ivrMenuId: stored.ivrMenuId };
    case "queue":
      return { kind: "queue", queueId: stored.queueId };
    case "external":
      return { kind: "external", number: stored.number, ...(options.confirm ? { confirm: true } : {}) };
  }
}
