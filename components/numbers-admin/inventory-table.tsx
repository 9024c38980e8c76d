"use client";

import { useFormat } from "@/components/format/format-provider";
import { countryName, numberKindLabel } from "@/components/format/phone-display";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DidStateBadge, TierBadge } from "./did-badges";
import { RowActions } from "./row-actions";
import type { DidRow } from "./types";

type InventoryTableProps = { dids: readonly DidRow[]; onEdit: (did: DidRow) => void; onRetire: (did: DidRow) => void };

const canRetire = (did: DidRow) => did.state === "AVAILABLE" || did.state === "QUARANTINED";

/** The stock, priced as a customer would pay: base price plus the number's tier premium. */
export function InventoryTable({ dids, onEdit, onRetire }: InventoryTableProps) {
  const format = useFormat();
  /** "incl. £50.00 Gold premium" under the price, so the premium is read, not only coloured. */
  const premium = (amount: string | undefined, did: DidRow) =>
    amount && Number(amount) !== 0 ? <span className="block text-xs text-gray-600">incl. {format.money(amount, did.currency)} {did.tier?.name} premium</span> : null;
  return (
    <Table caption="Numbers in stock">
      <THead>
        <Th>Number</Th>
        <Th>Country</Th>
        <Th>Area</Th>
        <Th>Type</Th>
        <Th>Tier</Th>
        <Th className="text-right">Setup</Th>
        <Th className="text-right">Monthly</Th>
        <Th>State</Th>
        <Th>Customer</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {dids.map((did) => (
          <Tr key={did.id}>
            <Td card="title" className="font-medium">
              <PhoneNumberText e164={did.number} locale={format.locale} />
            </Td>
            <Td label="Country">{countryName(did.countryIso, format.locale)}</Td>
            <Td label="Area">{did.area ?? <span className="text-gray-500">—</span>}</Td>
            <Td label="Type">{numberKindLabel(did.numberType)}</Td>
            <Td label="Tier">
              <TierBadge name={did.tier?.name ?? null} />
            </Td>
            <Td label="Setup" className="text-right tabular-nums">
              {format.money(did.setupFee, did.currency)}
              {premium(did.tier?.setupPremium, did)}
            </Td>
            <Td label="Monthly" className="text-right tabular-nums">
              {format.money(did.monthlyFee, did.currency)}
              {premium(did.tier?.monthlyPremium, did)}
            </Td>
            <Td label="State">
              <DidStateBadge state={did.state} />
            </Td>
            <Td label="Customer">{did.customer?.name ?? <span className="text-gray-500">—</span>}</Td>
            <Td card="actions" className="text-right whitespace-nowrap">
              <RowActions
                subject={did.number}
                onEdit={did.state === "AVAILABLE" ? () => onEdit(did) : undefined}
                onDelete={canRetire(did) ? () => onRetire(did) : undefined}
                deleteLabel="Retire"
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
