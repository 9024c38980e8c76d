import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const ZFindAuditLogInput = z.object({
  tenantId: ZRecordId.optional(),
  /** The id of the last row of the previous page (rows come newest first). */
  cursor: singleLine({ trim: false }).regex(/^\d{1,19}$/, "Not a valid page cursor").optional(),
});
export type TFindAuditLogInput = z.infer<typeof ZFindAuditLogInput>;
