"use client";

import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { CallbackStateName, CallbackStatusView } from "@/server/modules/callbacks/contract";
import { SOURCE_WORDS, STATE_BADGE } from "./callback-words";

export type CallbackRow = CallbackStatusView & { from: string | null; to: string | null; via: string | null; requestedBy: string | null };

/** Callback requests, newest first: when, where from, what it called, and how it went in words. */
export function RequestsTable({ rows }: { rows: readonly CallbackRow[] }) {
  return (
    <Table caption="Callback requests">
      <THead>
        <Th>Time</Th>
        <Th>Source</Th>
        <Th>From</Th>
        <Th>To</Th>
        <Th>State</Th>
        <Th>What happened</Th>
      </THead>
      <TBody>
        {rows.map((r) => {
          const badge = STATE_BADGE[r.state as CallbackStateName];
          return (
            <Tr key={r.id}>
              <Td card="title" className="whitespace-nowrap"><LocalTime value={r.createdAt} /></Td>
              <Td label="Source">
                {SOURCE_WORDS[r.source]}
                {(r.via ?? r.requestedBy) && <span className="block text-xs text-gray-600">{r.via ?? r.requestedBy}</span>}
              </Td>
              <Td label="From" className="tabular-nums">{r.from ?? "—"}</Td>
              <Td label="To" className="tabular-nums">{r.to ?? "—"}</Td>
              <Td label="State"><Badge tone={badge.tone}>{badge.label}</Badge></Td>
              <Td label="What happened">{r.message}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
