"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

export function AuditPageClient({ scope }: { scope: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(trpc.admin.audit.find.infiniteQueryOptions({}, AUDIT_PAGING));
  return (
    <>
      <PageHeader title="Audit log" description={`${scope}, newest first.`} />
      <AuditLogView query={query} caption="Audit log" emptyText="Changes made in the back office and by customers will be listed here." />
    </>
  );
}
