import { z } from "zod";

export const ZFindAuditLogInput = z.object({
  tenantId: z.string().min(1).max(40).optional(),
  /** The id of the last row of the previous page (rows come newest first). */
  cursor: z.string().regex(/^\d+$/).optional(),
});
export type TFindAuditLogInput = z.infer<typeof ZFindAuditLogInput>;
