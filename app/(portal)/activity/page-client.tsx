"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { AccessDenied } from "@/components/layout/access-denied";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { useTRPC } from "@/components/providers/trpc-react";
import { PageHeader } from "@/components/ui/page-header";

export function ActivityPageClient() {
  const trpc = useTRPC();
  const query = useInfiniteQuery(trpc.auditLog.find.infiniteQueryOptions({}, AUDIT_PAGING));
  if (query.isError && query.error.data?.code === "FORBIDDEN") return <AccessDenied />;
  return (
    <>
      <PageHeader title="Activity" description="Changes made in your company's account, newest first." />
      <AuditLogView query={query} caption="Company activity" />
    </>
  );
}
