import { z } from "zod";
import { singleLine } from "../../validation/text";

export const SMS_PAGE_SIZE = 25;

export const ZOutboxInput = z.object({ page: z.number().int().min(1).max(100_000).default(1) }).default({ page: 1 });
export type TOutboxInput = z.infer<typeof ZOutboxInput>;

/** Twilio's account SIDs: "AC" and 32 hex digits (twilio.com/docs/iam/api/account). */
export const ACCOUNT_SID_PATTERN = /^AC[0-9a-f]{32}$/;

export const ZGatewayInput = z.object({
  /** https://api.twilio.com normally; the service allows http only to this machine outside production. */
  baseUrl: singleLine()
    .max(200, "Use at most 200 characters")
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "Enter a web address, for example https://api.twilio.com"),
  accountSid: singleLine().regex(ACCOUNT_SID_PATTERN, "An account SID is AC followed by 32 lowercase hex digits"),
  /** Empty keeps the stored token (it is never shown again). */
  authToken: singleLine({ trim: false }).max(200, "Use at most 200 characters"),
  fromNumber: singleLine().regex(/^\+[1-9]\d{6,14}$/, "Enter the sending number in international format, for example +15005550006"),
});
export type TGatewayInput = z.infer<typeof ZGatewayInput>;

export const ZCallerIdPolicyInput = z.object({ allowUnverifiedMobileCli: z.boolean() });
export type TCallerIdPolicyInput = z.infer<typeof ZCallerIdPolicyInput>;
