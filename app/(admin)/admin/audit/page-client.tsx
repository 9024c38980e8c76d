"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AuditFilters } from "@/components/audit/audit-filters";
import type { TAuditFilter } from "@/server/modules/audit/schema";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

export function AuditPageClient({ scope }: { scope: string }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<TAuditFilter>({});
  const query = useInfiniteQuery(trpc.admin.audit.find.infiniteQueryOptions(filter, { ...AUDIT_PAGING, placeholderData: keepPreviousData }));
  return (
    <>
      <PageHeader title="Audit log" description={`${scope}, newest first.`} />
      <AuditFilters onChange={setFilter} />
      <AuditLogView
        query={query}
        caption="Audit log"
        emptyText={Object.keys(filter).length > 0 ? "Nothing matches these filters." : "Changes made in the back office and by customers will be listed here."}
      />
    </>
  );
}
