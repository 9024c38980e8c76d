import { createTRPCRouter, tenantProcedure } from "../../api/trpc";
import { ZReportInput } from "./schema";
import { getReportChart, getReportTable } from "./service";

/**
 * Open to every role of a company: admins get the whole company, extension users their own
 * extensions (scope.ts); costs as cost-visibility.ts decides. CSV: GET /api/reports/export.csv.
 */
export const reportsRouter = createTRPCRouter({
  table: tenantProcedure.input(ZReportInput).query(({ ctx, input }) => getReportTable(ctx.tenant, ctx.user, input)),
  chart: tenantProcedure.input(ZReportInput).query(({ ctx, input }) => getReportChart(ctx.tenant, ctx.user, input)),
});
