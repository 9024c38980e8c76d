"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { ZAddHolidayInput } from "@/server/modules/routing/holidays/schema";

export function HolidaysPageClient() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const holidays = useQuery(trpc.holidays.list.queryOptions());
  const [form, setForm] = useState({ date: "", name: "" });
  const [errors, setErrors] = useState<{ date?: string; name?: string }>({});
  const refresh = () => queryClient.invalidateQueries(trpc.holidays.list.queryFilter());
  const add = useMutation(trpc.holidays.add.mutationOptions({
    onSuccess: async (h) => {
      await refresh();
      setForm({ date: "", name: "" });
      toast({ description: `Added ${h.name} on ${h.date}.` });
    },
    onError: (err) => {
      const fields = serverFieldErrors(err);
      if (fields.date || fields.name) setErrors({ date: fields.date, name: fields.name });
      else toast({ variant: "error", description: errorMessage(err) });
    },
  }));
  const remove = useMutation(trpc.holidays.remove.mutationOptions({
    onSuccess: async () => { await refresh(); toast({ description: "Holiday removed." }); },
    onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
  }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZAddHolidayInput.safeParse(form);
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors;
      return setErrors({ date: flat.date?.[0], name: flat.name?.[0] });
    }
    setErrors({});
    add.mutate(parsed.data);
  }

  return (
    <>
      <PageHeader title="Holidays" description="Days your company is closed. Rules can treat them differently: “not on holidays” or “only on holidays”." />
      <Card title="Add a holiday">
        <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <TextField label="Date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} error={errors.date} />
          <TextField label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} placeholder="Christmas Day" maxLength={64} className="flex-1" />
          <Button type="submit" isLoading={add.isPending} className="sm:mt-7">Add holiday</Button>
        </form>
      </Card>
      <div className="mt-6">
        {holidays.isPending ? <TableSkeleton label="Loading holidays" /> : holidays.isError ? <QueryError error={holidays.error} onRetry={() => holidays.refetch()} /> : holidays.data.length === 0 ? (
          <EmptyState title="No holidays yet" description="Add your company’s public holidays and closure days." />
        ) : (
          <Table caption="Your holidays">
            <THead><Th>Date</Th><Th>Name</Th><Th><span className="sr-only">Actions</span></Th></THead>
            <TBody>
              {holidays.data.map((h) => (
                <Tr key={h.id}>
                  <Td card="title">{h.date}</Td>
                  <Td label="Name">{h.name}</Td>
                  <Td card="actions" className="text-right">
                    <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: h.id })} aria-label={`Remove ${h.name} on ${h.date}`}>Remove</Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
