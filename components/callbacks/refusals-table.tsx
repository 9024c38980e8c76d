"use client";

import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { refusalWords, SOURCE_WORDS } from "./callback-words";

export type RefusalRow = {
  id: string;
  source: keyof typeof SOURCE_WORDS;
  reason: string;
  detail: string;
  count: number;
  clientIp: string | null;
  origin: string | null;
  destination: string | null;
  widget: string | null;
  lastAt: Date | string;
};

/** Refused callback requests: the reason in words (the requester's sentence below), how often, from where. */
export function RefusalsTable({ rows }: { rows: readonly RefusalRow[] }) {
  return (
    <Table caption="Refused callback requests">
      <THead>
        <Th>Time</Th>
        <Th>Reason</Th>
        <Th className="text-right">Count</Th>
        <Th>Number</Th>
        <Th>IP address</Th>
        <Th>Origin</Th>
        <Th>Source</Th>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.id}>
            <Td card="title" className="whitespace-nowrap"><LocalTime value={r.lastAt} /></Td>
            <Td label="Reason">
              <span className="font-medium text-gray-900">{refusalWords(r.reason)}</span>
              <span className="block text-xs text-gray-600">{r.detail}</span>
            </Td>
            <Td label="Count" className="text-right tabular-nums">{r.count}</Td>
            <Td label="Number" className="font-mono text-xs break-all">{r.destination ?? "—"}</Td>
            <Td label="IP address" className="font-mono text-xs">{r.clientIp ?? "—"}</Td>
            <Td label="Origin" className="text-xs break-all">{r.origin ?? "—"}</Td>
            <Td label="Source">
              {SOURCE_WORDS[r.source]}
              {r.widget && <span className="block text-xs text-gray-600">{r.widget}</span>}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
