/**
 * Inputs of an extension's forwarding page: do-not-disturb, the three classic forwards and the
 * follow-me list. Browser-safe: the page validates with the same schemas. Whether a destination
 * exists and is the company's is the service's question (destination-check.ts).
 */
import { z } from "zod";
import { ZRecordId } from "../../../validation/text";
import { ZRingSec, ZRoutingDestination, ZTimePeriod } from "../stored";

export const FOLLOW_ME_STRATEGIES = ["sequential", "simultaneous"] as const;
export type FollowMeStrategy = (typeof FOLLOW_ME_STRATEGIES)[number];

/** A follow-me list longer than this rings for minutes: nobody waits that long. */
export const MAX_FOLLOW_ME_STEPS = 10;

export const ZExtensionRef = z.object({ extensionId: ZRecordId });
export type TExtensionRef = z.infer<typeof ZExtensionRef>;

export const ZFollowMeStepInput = z
  .object({
    destination: ZRoutingDestination,
    ringSec: ZRingSec,
    /** Press 1 to accept: only a person on an outside line can be asked. */
    confirm: z.boolean(),
    /** null = always active. */
    activePeriod: ZTimePeriod.nullable(),
  })
  .refine((s) => !s.confirm || s.destination.kind === "external", { path: ["confirm"], message: "Only outside numbers can be asked to press 1" });
export type TFollowMeStepInput = z.infer<typeof ZFollowMeStepInput>;

export const ZFollowMeInput = z
  .object({
    isEnabled: z.boolean(),
    strategy: z.enum(FOLLOW_ME_STRATEGIES),
    /** Ring the extension's own phone first for this long; null = go straight to the list. */
    ringSelfFirstSec: ZRingSec.nullable(),
    steps: z.array(ZFollowMeStepInput).max(MAX_FOLLOW_ME_STEPS, `At most ${MAX_FOLLOW_ME_STEPS} destinations`),
  })
  .refine((f) => !f.isEnabled || f.steps.length > 0, { path: ["steps"], message: "Add at least one destination, or turn follow-me off" });
export type TFollowMeInput = z.infer<typeof ZFollowMeInput>;

export const ZSaveForwardingInput = z.object({
  extensionId: ZRecordId,
  doNotDisturb: z.boolean(),
  /** Every call at once, before the phone rings. */
  forwardAlways: ZRoutingDestination.nullable(),
  forwardBusy: ZRoutingDestination.nullable(),
  forwardNoAnswer: ZRoutingDestination.nullable(),
  followMe: ZFollowMeInput,
});
export type TSaveForwardingInput = z.infer<typeof ZSaveForwardingInput>;

export const ZSetDoNotDisturbInput = z.object({ extensionId: ZRecordId, doNotDisturb: z.boolean() });
export type TSetDoNotDisturbInput = z.infer<typeof ZSetDoNotDisturbInput>;

/** The three forwards, as the form and the audit name them. */
export const FORWARD_FIELDS = ["forwardAlways", "forwardBusy", "forwardNoAnswer"] as const;
