"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { AUDIT_PAGING } from "@/components/audit/audit-query";
import { AddAdminDialog } from "@/components/back-office/add-admin-dialog";
import { CustomerCallbackLimitsCard } from "@/components/callback-admin/customer-callback-limits-card";
import { CustomerBillingSection } from "@/components/customer-billing/customer-billing-section";
import { CustomerExtensionsSection } from "@/components/customers/customer-extensions-section";
import { CustomerStatusBadge } from "@/components/customers/customer-status-badge";
import { CustomerTariffCard } from "@/components/customers/customer-tariff-card";
import { CustomerUsageSection } from "@/components/customers/customer-usage-section";
import { RenameCustomerDialog } from "@/components/customers/rename-customer-dialog";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { UsersTable } from "@/components/users/users-table";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/errors";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";

export function CustomerPageClient({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const customer = useQuery(trpc.admin.customer.get.queryOptions({ id: customerId }));
  const audit = useInfiniteQuery(trpc.admin.audit.find.infiniteQueryOptions({ tenantId: customerId }, AUDIT_PAGING));
  const [dialog, setDialog] = useState<"rename" | "status" | "admin" | null>(null);
  const close = () => setDialog(null);

  /** Every change here shows up in the customer, the list and the audit trail. */
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.admin.customer.get.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.customer.find.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.audit.find.pathFilter()),
    ]);
  const rename = useMutation(trpc.admin.customer.update.mutationOptions({ onSuccess: refresh }));
  const createAdmin = useMutation(trpc.admin.customer.createAdmin.mutationOptions({ onSuccess: refresh }));
  const setStatus = useMutation(
    trpc.admin.customer.setStatus.mutationOptions({
      onSuccess: async (saved) => {
        await refresh();
        toast({ variant: "success", description: `${saved.name} is now ${saved.status === "ACTIVE" ? "active" : "suspended"}.` });
        close();
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );

  const back = (
    <Link href="/admin" className="inline-flex items-center gap-1 rounded text-sm font-medium text-gray-600 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
      <ChevronLeftIcon className="size-4" /> Customers
    </Link>
  );
  if (customer.isPending) return <TableSkeleton label="Loading customer" rows={4} />;
  if (customer.isError) return <QueryError error={customer.error} onRetry={() => customer.refetch()} />;

  const c = customer.data;
  const isActive = c.status === "ACTIVE";
  return (
    <>
      <PageHeader
        back={back}
        title={c.name}
        description={<CustomerStatusBadge status={c.status} />}
        actions={
          <>
            <Button variant="secondary" onClick={() => setDialog("rename")}>
              Edit
            </Button>
            <Button variant="secondary" onClick={() => setDialog("admin")}>
              Add admin
            </Button>
            <Button variant={isActive ? "danger" : "primary"} onClick={() => setDialog("status")}>
              {isActive ? "Suspend" : "Activate"}
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          <DetailList
            items={[
              { label: "Status", value: <CustomerStatusBadge status={c.status} /> },
              { label: "Users", value: c._count.users },
              { label: "Time zone", value: c.timeZone },
              { label: "Created", value: <LocalTime value={c.createdAt} /> },
              { label: "Last changed", value: <LocalTime value={c.updatedAt} /> },
            ]}
          />
        </Card>
        <CustomerExtensionsSection customer={c} />
        <CustomerUsageSection customer={c} />
        <CustomerTariffCard customer={c} />
        <CustomerBillingSection customer={c} />
        <CustomerCallbackLimitsCard tenantId={c.id} />
        <section aria-labelledby="customer-users" className="space-y-3">
          <h2 id="customer-users" className="text-base font-semibold text-gray-900">
            Users
          </h2>
          {c.users.length === 0 ? <p className="text-sm text-gray-600">This customer has no users.</p> : <UsersTable users={c.users} caption={`Users of ${c.name}`} />}
        </section>
        <section aria-labelledby="customer-activity" className="space-y-3">
          <h2 id="customer-activity" className="text-base font-semibold text-gray-900">
            Activity
          </h2>
          <AuditLogView query={audit} caption={`Activity for ${c.name}`} emptyText="Changes to this customer will be listed here." />
        </section>
      </div>

      <RenameCustomerDialog customer={dialog === "rename" ? c : null} onClose={close} submit={(values) => rename.mutateAsync(values)} />
      <AddAdminDialog
        organisation={dialog === "admin" ? c.name : null}
        onClose={close}
        submit={(values) => createAdmin.mutateAsync({ tenantId: c.id, ...values })}
      />
      <ConfirmDialog
        open={dialog === "status"}
        onClose={close}
        onConfirm={() => setStatus.mutate({ id: c.id, status: isActive ? "SUSPENDED" : "ACTIVE" })}
        isPending={setStatus.isPending}
        isDanger={isActive}
        title={isActive ? `Suspend ${c.name}?` : `Activate ${c.name}?`}
        description={
          isActive
            ? "Its users are signed out at once and cannot sign in until you activate it again. Nothing is deleted."
            : "Its users can sign in again straight away."
        }
        confirmLabel={isActive ? "Suspend" : "Activate"}
      />
    </>
  );
}
