"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AddAdminDialog } from "@/components/back-office/add-admin-dialog";
import { OrganisationDialog } from "@/components/back-office/organisation-dialog";
import { QueryError } from "@/components/layout/query-error";
import { PartnersTable, type PartnerRow } from "@/components/partners/partners-table";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, ShieldIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";

/** The platform admin's view: every partner, its administrators and how many customers it has. */
export function PartnersPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const partners = useQuery(trpc.admin.partner.find.queryOptions());
  const [isCreating, setCreating] = useState(false);
  const [addingAdminTo, setAddingAdminTo] = useState<PartnerRow | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.admin.partner.find.pathFilter());
  const create = useMutation(trpc.admin.partner.create.mutationOptions({ onSuccess: invalidate }));
  const createAdmin = useMutation(trpc.admin.partner.createAdmin.mutationOptions({ onSuccess: invalidate }));

  const newButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" /> New partner
    </Button>
  );

  return (
    <>
      <PageHeader title="Partners" description="Providers and resellers who run customers on this platform." actions={newButton} />
      {partners.isPending ? (
        <TableSkeleton label="Loading partners" />
      ) : partners.isError ? (
        <QueryError error={partners.error} onRetry={() => partners.refetch()} />
      ) : partners.data.length === 0 ? (
        <EmptyState icon={<ShieldIcon className="size-6" />} title="No partners yet" description="Create a partner and its first administrator." action={newButton} />
      ) : (
        <PartnersTable partners={partners.data} onAddAdmin={setAddingAdminTo} />
      )}

      <OrganisationDialog
        open={isCreating}
        onClose={() => setCreating(false)}
        title="New partner"
        description="Creates the partner and its first administrator, who can then create customers."
        nameLabel="Partner name"
        submitLabel="Create partner"
        hasFormatSettings
        submit={(values) => create.mutateAsync(values)}
        successMessage={(values) => `${values.name} was created.`}
      />
      <AddAdminDialog
        organisation={addingAdminTo?.name ?? null}
        onClose={() => setAddingAdminTo(null)}
        submit={(values) => createAdmin.mutateAsync({ partnerId: addingAdminTo?.id ?? "", ...values })}
      />
    </>
  );
}
