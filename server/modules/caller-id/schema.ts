import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";
import { CODE_LENGTH } from "./domain";

/** As typed: international ("+44 7911 123456") or national in the company's own country. */
export const ZMobileNumber = singleLine().min(1, "Enter a mobile number").max(40, "Use at most 40 characters");

export const ZSendCodeInput = z.object({ number: ZMobileNumber });
export type TSendCodeInput = z.infer<typeof ZSendCodeInput>;

export const ZVerifyCodeInput = z.object({
  verificationId: ZRecordId,
  code: singleLine().regex(new RegExp(`^\\d{${CODE_LENGTH}}$`), `Enter the ${CODE_LENGTH}-digit code`),
});
export type TVerifyCodeInput = z.infer<typeof ZVerifyCodeInput>;

export const ZAddUnverifiedInput = z.object({ number: ZMobileNumber });
export type TAddUnverifiedInput = z.infer<typeof ZAddUnverifiedInput>;

export const ZVerifiedMobileId = z.object({ id: ZRecordId });
