"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  OUTBOX: { label: "In outbox", tone: "accent" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};
const CHANNEL_LABELS: Record<string, string> = { outbox: "Outbox (not sent)", twilio: "Twilio", gateway: "Gateway" };

/** Every text sent or tried for the partner's customers, newest first, a page at a time. */
export function OutboxSection() {
  const trpc = useTRPC();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const outbox = useQuery({ ...trpc.sms.outbox.queryOptions({ page }), placeholderData: keepPreviousData });

  if (outbox.isPending) return <TableSkeleton label="Loading text messages" />;
  if (outbox.isError) return <QueryError error={outbox.error} onRetry={() => outbox.refetch()} />;
  const { items, pageCount, total } = outbox.data;
  if (total === 0) return <EmptyState title="No text messages yet" description="Verification codes your customers ask for appear here." />;

  return (
    <div className="space-y-3">
      <Table caption="Text messages">
        <THead>
          <Th>To</Th>
          <Th>Message</Th>
          <Th>Channel</Th>
          <Th>Status</Th>
          <Th>Time</Th>
        </THead>
        <TBody>
          {items.map((m) => (
            <Tr key={m.id}>
              <Td card="title">
                <PhoneNumberText e164={m.to} locale={format.locale} />
                {m.customerName && <span className="block text-xs font-normal text-gray-600">{m.customerName}</span>}
              </Td>
              <Td label="Message" className="max-w-md" data-testid="sms-body">
                {m.body}
                {m.error && <span className="block text-xs text-red-700">{m.error}</span>}
              </Td>
              <Td label="Channel">{CHANNEL_LABELS[m.channel] ?? m.channel}</Td>
              <Td label="Status">
                <Badge tone={STATUS[m.status]?.tone ?? "neutral"}>{STATUS[m.status]?.label ?? m.status}</Badge>
              </Td>
              <Td label="Time" className="whitespace-nowrap">
                {format.dateTime(m.createdAt)}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {pageCount > 1 && (
        <nav aria-label="Text message pages" className="flex items-center gap-3 text-sm text-gray-700">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Newer
          </Button>
          <span>
            Page {page} of {pageCount}
          </span>
          <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
            Older
          </Button>
        </nav>
      )}
    </div>
  );
}
