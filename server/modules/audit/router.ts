import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { ZFindAuditLogInput } from "./schema";
import { findTenantAuditLog } from "./tenant-service";

export const auditLogRouter = createTRPCRouter({
  find: tenantAdminProcedure
    .input(ZFindAuditLogInput.omit({ tenantId: true }))
    .query(({ ctx, input }) => findTenantAuditLog(ctx.tenant, input)),
});
