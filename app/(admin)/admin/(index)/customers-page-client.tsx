"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { OrganisationDialog } from "@/components/back-office/organisation-dialog";
import { CustomersTable } from "@/components/customers/customers-table";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { BuildingIcon, PlusIcon, SearchIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useDebounced } from "@/components/ui/use-debounced";

/** A partner admin's customers: search, open one, or create a new one with its first admin. */
export function CustomersPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState("");
  const search = useDebounced(searchText.trim(), 250);
  const customers = useQuery({
    ...trpc.admin.customer.find.queryOptions(search ? { search } : {}),
    placeholderData: keepPreviousData,
  });
  const [isCreating, setCreating] = useState(false);
  const create = useMutation(
    trpc.admin.customer.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.admin.customer.find.pathFilter()),
    }),
  );

  const newButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" /> New customer
    </Button>
  );

  return (
    <>
      <PageHeader title="Customers" description="Companies you provide phone service to." actions={newButton} />
      <div className="relative mb-4 max-w-sm">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-500" />
        <Input
          type="search"
          aria-label="Search customers"
          placeholder="Search by name"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          className="pl-9"
        />
      </div>
      {customers.isPending ? (
        <TableSkeleton label="Loading customers" />
      ) : customers.isError ? (
        <QueryError error={customers.error} onRetry={() => customers.refetch()} />
      ) : customers.data.length === 0 ? (
        search ? (
          <EmptyState icon={<SearchIcon className="size-6" />} title="No matches" description={`No customer's name contains “${search}”.`} />
        ) : (
          <EmptyState icon={<BuildingIcon className="size-6" />} title="No customers yet" description="Create your first customer and its administrator." action={newButton} />
        )
      ) : (
        <div aria-busy={customers.isFetching || undefined} className={customers.isPlaceholderData ? "opacity-70" : undefined}>
          <CustomersTable customers={customers.data} />
        </div>
      )}

      <OrganisationDialog
        open={isCreating}
        onClose={() => setCreating(false)}
        title="New customer"
        description="Creates the company and its first administrator, who can then add their own users."
        nameLabel="Company name"
        submitLabel="Create customer"
        submit={(values) => create.mutateAsync(values)}
        successMessage={(values) => `${values.name} was created.`}
      />
    </>
  );
}
