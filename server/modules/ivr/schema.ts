/**
 * Inputs of IVR menus. Browser-safe: the menu form validates with the same schemas. Prompts
 * are the company's VoicePrompt ids (null = none); destinations are stored routing
 * destinations (../routing/stored.ts), checked as the company's own by the write service.
 * Bounds match the database's CHECKs.
 */
import { z } from "zod";
import { MENU_DIGITS } from "../../telephony/engine/media-types";
import { singleLine, ZRecordId } from "../../validation/text";
import { ZRoutingDestination, ZTimePeriod } from "../routing/stored";

export { MENU_DIGITS };

/** The six prompts of a menu, in the order a caller can hear them. */
export const MENU_PROMPT_KEYS = ["intro", "menu", "invalid", "timeout", "postSelection", "inactive"] as const;
export type MenuPromptKey = (typeof MENU_PROMPT_KEYS)[number];

export const ZIvrMenuId = z.object({ id: ZRecordId });

export const ZMenuOption = z.object({ digit: z.enum(MENU_DIGITS), destination: ZRoutingDestination });
export type TMenuOption = z.infer<typeof ZMenuOption>;

const fields = {
  name: singleLine().min(1, "Enter a name").max(40, "Use at most 40 characters"),
  prompts: z.object(Object.fromEntries(MENU_PROMPT_KEYS.map((k) => [k, ZRecordId.nullable()])) as Record<MenuPromptKey, z.ZodNullable<typeof ZRecordId>>),
  /** null = always active. */
  activePeriod: ZTimePeriod.nullable(),
  /** Outside the active period, after the inactive prompt; null = hang up. */
  inactiveAction: ZRoutingDestination.nullable(),
  digitTimeoutSec: z.number().int("Use whole seconds").min(1, "Wait at least 1 second").max(30, "Wait at most 30 seconds"),
  maxRetries: z.number().int("Use a whole number").min(0, "Use 0 or more").max(10, "Offer the menu again at most 10 times"),
  /** Callers who never choose; null = hang up. */
  afterRetries: ZRoutingDestination.nullable(),
  directDial: z.boolean(),
  /** Only a fax account can take a fax; null = no fax detection. */
  faxDestination: z.object({ kind: z.literal("fax"), sipAccountId: ZRecordId }).nullable(),
  options: z
    .array(ZMenuOption)
    .max(MENU_DIGITS.length)
    .refine((o) => new Set(o.map((x) => x.digit)).size === o.length, "Use each key once"),
};

export const ZCreateIvrMenuInput = z.object(fields);
export type TCreateIvrMenuInput = z.infer<typeof ZCreateIvrMenuInput>;

export const ZUpdateIvrMenuInput = z.object({ id: ZRecordId, ...fields });
export type TUpdateIvrMenuInput = z.infer<typeof ZUpdateIvrMenuInput>;
