"use client";

import { useFormat } from "@/components/format/format-provider";
import { countryFlag, countryName } from "@/components/format/phone-display";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RowActions } from "./row-actions";
import type { DidPriceRow } from "./types";

type PricesTableProps = { prices: readonly DidPriceRow[]; onEdit: (price: DidPriceRow) => void; onDelete: (price: DidPriceRow) => void };

export function PricesTable({ prices, onEdit, onDelete }: PricesTableProps) {
  const format = useFormat();
  return (
    <Table caption="Supplier number prices by country">
      <THead>
        <Th>Country</Th>
        <Th className="text-right">Setup</Th>
        <Th className="text-right">Monthly</Th>
        <Th>Changed</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {prices.map((price) => {
          const name = countryName(price.countryIso, format.locale);
          return (
            <Tr key={price.id}>
              <Td card="title" className="font-medium">
                <span aria-hidden="true" className="mr-1">{countryFlag(price.countryIso)}</span>
                {name}
              </Td>
              <Td label="Setup" className="text-right tabular-nums">{format.money(price.setupPrice, price.currency)}</Td>
              <Td label="Monthly" className="text-right tabular-nums">{format.money(price.monthlyPrice, price.currency)}</Td>
              <Td label="Changed">{format.date(price.updatedAt)}</Td>
              <Td card="actions" className="text-right whitespace-nowrap">
                <RowActions subject={`the price for ${name}`} onEdit={() => onEdit(price)} onDelete={() => onDelete(price)} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
