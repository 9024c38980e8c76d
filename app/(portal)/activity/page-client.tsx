"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AuditFilters } from "@/components/audit/audit-filters";
import type { TAuditFilter } from "@/server/modules/audit/schema";
import { AccessDenied } from "@/components/layout/access-denied";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

export function ActivityPageClient() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<TAuditFilter>({});
  const query = useInfiniteQuery(trpc.auditLog.find.infiniteQueryOptions(filter, { ...AUDIT_PAGING, placeholderData: keepPreviousData }));
  if (query.isError && query.error.data?.code === "FORBIDDEN") return <AccessDenied />;
  return (
    <>
      <PageHeader title="Activity" description="Changes made in your company's account, newest first." />
      <AuditFilters onChange={setFilter} />
      <AuditLogView query={query} caption="Company activity" emptyText={Object.keys(filter).length > 0 ? "Nothing matches these filters." : undefined} />
    </>
  );
}
