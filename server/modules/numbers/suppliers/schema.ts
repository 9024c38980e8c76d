/** The partner's DID supplier accounts. Browser-safe. */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";

export const SUPPLIER_KINDS = ["TELNYX"] as const;
export const SUPPLIER_LABELS: Record<(typeof SUPPLIER_KINDS)[number], string> = { TELNYX: "Telnyx" };
export const DEFAULT_BASE_URLS: Record<(typeof SUPPLIER_KINDS)[number], string> = { TELNYX: "https://api.telnyx.com/v2" };

const ZBaseUrl = singleLine().max(200, "Use at most 200 characters").pipe(z.url({ protocol: /^https?$/, error: "Enter the API's address, such as https://api.telnyx.com/v2" }));

export const ZSaveSupplierInput = z.object({
  id: ZRecordId.optional(),
  kind: z.enum(SUPPLIER_KINDS),
  name: singleLine().min(1, "Enter a name").max(60, "Use at most 60 characters"),
  baseUrl: ZBaseUrl,
  /** Required for a new supplier; left empty on edit, the stored key stays. */
  apiKey: singleLine().max(300, "That key is too long").optional(),
  isEnabled: z.boolean(),
});
export type TSaveSupplierInput = z.infer<typeof ZSaveSupplierInput>;

export const ZSupplierIdInput = z.object({ id: ZRecordId });
