"use client";

import Link from "next/link";
import { useFormat } from "@/components/format/format-provider";
import { numberKindLabel } from "@/components/format/phone-display";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { NumberView } from "@/server/modules/numbers/tenant/service";

type Props = { numbers: NumberView[]; onEditDestination: (n: NumberView) => void; onCancel: (n: NumberView) => void };

/** The company's numbers, with where each rings and what it costs. */
export function NumbersTable({ numbers, onEditDestination, onCancel }: Props) {
  const format = useFormat();
  return (
    <Table caption="Your numbers">
      <THead>
        <Th>Number</Th>
        <Th>Area</Th>
        <Th>Type</Th>
        <Th>Monthly</Th>
        <Th>Destination</Th>
        <Th><span className="sr-only">Actions</span></Th>
      </THead>
      <TBody>
        {numbers.map((n) => (
          <Tr key={n.id}>
            <Td card="title">
              <Link href={`/numbers/${n.id}`} className="text-indigo-700 hover:underline" title="Rules and call flow"><PhoneNumberText e164={n.number} /></Link> {n.tierName && <Badge tone="accent">{n.tierName}</Badge>}
            </Td>
            <Td label="Area">{n.area ?? "—"}</Td>
            <Td label="Type">{numberKindLabel(n.numberType)}</Td>
            <Td label="Monthly">
              {n.monthlyFee && n.currency ? format.money(n.monthlyFee, n.currency) : <span className="text-gray-600">Included</span>}
              {n.since && <span className="block text-xs text-gray-600">since {format.date(n.since)}</span>}
            </Td>
            <Td label="Destination">{n.destinationLabel}</Td>
            <Td card="actions" className="space-x-2 text-right whitespace-nowrap">
              <Button size="sm" variant="secondary" onClick={() => onEditDestination(n)} aria-label={`Destination of ${n.number}`}>
                Destination
              </Button>
              <Button size="sm" variant="danger" onClick={() => onCancel(n)} aria-label={`Cancel ${n.number}`}>
                Cancel
              </Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
