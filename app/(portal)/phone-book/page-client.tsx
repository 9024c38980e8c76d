"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/layout/query-error";
import { ContactFormDialog, type ContactDraft } from "@/components/phone-book/contact-form-dialog";
import { CONTACT_PAGING } from "@/components/phone-book/contact-paging";
import { ContactsTable, type ContactRow } from "@/components/phone-book/contacts-table";
import { ImportDialog } from "@/components/phone-book/import-dialog";
import { SpeedDialsCard } from "@/components/phone-book/speed-dials-card";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/errors";
import { SelectField, TextField } from "@/components/ui/form-field";
import { InboxIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useDebounced } from "@/components/ui/use-debounced";
import type { PhoneBook } from "@/server/modules/phone-book/schema";

export function PhoneBookPageClient({ isAdmin, userId }: { isAdmin: boolean; userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [searchText, setSearchText] = useState("");
  const [book, setBook] = useState<PhoneBook | "">("");
  const search = useDebounced(searchText.trim(), 250);
  const input = { ...(search ? { search } : {}), ...(book ? { book } : {}) };
  const contacts = useInfiniteQuery(trpc.phoneBook.find.infiniteQueryOptions(input, { ...CONTACT_PAGING, placeholderData: keepPreviousData }));
  const [draft, setDraft] = useState<ContactDraft | null>(null);
  const [deleting, setDeleting] = useState<ContactRow | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const remove = useMutation(trpc.phoneBook.delete.mutationOptions({
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.phoneBook.find.pathKey() });
      setDeleting(null);
    },
    onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
  }));
  const rows = contacts.data?.pages.flatMap((p) => p.items) ?? [];
  const canEdit = (c: ContactRow) => (c.ownerUserId === null ? isAdmin : c.ownerUserId === userId);
  const edit = (c: ContactRow) => setDraft({ id: c.id, name: c.name, company: c.company ?? "", email: c.email ?? "", numbers: c.numbers.map((n) => ({ label: n.label as "Mobile", number: n.number })) });

  return (
    <>
      <PageHeader
        title="Phone book"
        description={isAdmin ? "Your company's contacts, which everyone sees, and your own personal ones." : "Your company's contacts and your own personal ones, which only you see."}
        actions={
          <div className="flex gap-2">
            <a className={buttonClasses({ variant: "secondary" })} href={`/api/phone-book/export?book=${book || "company"}`}>Export CSV</a>
            <Button variant="secondary" onClick={() => setIsImporting(true)}>Import CSV</Button>
            <Button onClick={() => setDraft({})}>Add contact</Button>
          </div>
        }
      />
      <div className="space-y-6">
        <section aria-label="Contacts" className="space-y-4">
          <div className="flex flex-wrap gap-4">
            <TextField label="Search" type="search" placeholder="Name, company or number" className="w-72" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
            <SelectField label="Book" className="w-48" value={book} onChange={(e) => setBook(e.target.value as PhoneBook | "")} options={[{ value: "", label: "Both" }, { value: "company", label: "Company" }, { value: "personal", label: "Personal" }]} />
          </div>
          {contacts.isPending ? (
            <TableSkeleton label="Loading contacts" />
          ) : contacts.isError ? (
            <QueryError error={contacts.error} onRetry={() => contacts.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState icon={<InboxIcon className="size-6" />} title={search ? "No contacts match" : "No contacts yet"} description={search ? "Try part of the name, the company or a few digits of the number." : "Add contacts one by one, or import a CSV file."} />
          ) : (
            <>
              <ContactsTable contacts={rows} canEdit={canEdit} onEdit={edit} onDelete={setDeleting} />
              {contacts.hasNextPage && (
                <div className="flex justify-center">
                  <Button variant="secondary" onClick={() => contacts.fetchNextPage()} isLoading={contacts.isFetchingNextPage}>Show more contacts</Button>
                </div>
              )}
            </>
          )}
        </section>
        <SpeedDialsCard isAdmin={isAdmin} />
      </div>
      <ContactFormDialog draft={draft} onClose={() => setDraft(null)} canEditCompanyBook={isAdmin} />
      <ImportDialog open={isImporting} onClose={() => setIsImporting(false)} canEditCompanyBook={isAdmin} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        isPending={remove.isPending}
        isDanger
        title="Delete contact?"
        description={<>{deleting?.name} is removed from the {deleting?.ownerUserId ? "personal" : "company"} phone book.</>}
        confirmLabel="Delete contact"
      />
    </>
  );
}
