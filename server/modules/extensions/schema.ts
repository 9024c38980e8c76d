import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

/** 2–6 digits: short enough to dial, long enough for large companies; no leading "+". */
export const ZExtensionNumber = singleLine().regex(/^\d{2,6}$/, "Use 2–6 digits");
export const ZDisplayName = singleLine().min(1, "Enter a display name").max(40, "Use at most 40 characters");
/** Empty means "no PIN change" on update and "missing" on create with voicemail on. */
export const ZVoicemailPin = singleLine().regex(/^(\d{4,8})?$/, "Use 4–8 digits");
const ZOptionalId = singleLine().max(40, "Choose from the list");
/** E.164 of one of the company's numbers, or empty for the company default. */
const ZOutboundCli = singleLine().regex(/^(\+\d{6,15})?$/, "Choose one of your numbers");

export const ZExtensionId = z.object({ id: ZRecordId });
export type TExtensionId = z.infer<typeof ZExtensionId>;

const fields = {
  number: ZExtensionNumber,
  displayName: ZDisplayName,
  /** Empty: the extension belongs to nobody (a reception phone, a meeting room). */
  ownerUserId: ZOptionalId,
  voicemailEnabled: z.boolean(),
  voicemailPin: ZVoicemailPin,
  outboundCli: ZOutboundCli,
};

export const ZCreateExtensionInput = z
  .object({ sipAccountId: singleLine().min(1, "Choose a SIP account").max(40, "Choose a SIP account"), ...fields })
  .refine((v) => !v.voicemailEnabled || v.voicemailPin !== "", {
    path: ["voicemailPin"],
    message: "Set a 4–8 digit PIN for voicemail",
  });
export type TCreateExtensionInput = z.infer<typeof ZCreateExtensionInput>;

/** On update an empty PIN keeps the current one; the service refuses voicemail with no PIN at all. */
export const ZUpdateExtensionInput = z.object({ id: ZRecordId, ...fields });
export type TUpdateExtensionInput = z.infer<typeof ZUpdateExtensionInput>;
