"use client";

import { useFormat } from "@/components/format/format-provider";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { describeRule } from "@/server/modules/numbers/tiers";
import { RowActions } from "./row-actions";
import type { TierRow } from "./types";

type TiersTableProps = { tiers: readonly TierRow[]; currency: string; onEdit: (tier: TierRow) => void; onDelete: (tier: TierRow) => void };

/** Highest rank first: when a number matches several tiers, the highest-ranked one prices it. */
export function TiersTable({ tiers, currency, onEdit, onDelete }: TiersTableProps) {
  const format = useFormat();
  return (
    <Table caption="Number tiers">
      <THead>
        <Th>Tier</Th>
        <Th className="text-right">Rank</Th>
        <Th>Rules (any one matches)</Th>
        <Th className="text-right">Setup premium</Th>
        <Th className="text-right">Monthly premium</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {tiers.map((tier) => (
          <Tr key={tier.id}>
            <Td card="title" className="font-medium">{tier.name}</Td>
            <Td label="Rank" className="text-right tabular-nums">{tier.rank}</Td>
            <Td label="Rules">
              <ul className="space-y-0.5">
                {tier.rules.map((rule, i) => (
                  <li key={i}>{i > 0 ? "or " : ""}{describeRule(rule)}</li>
                ))}
              </ul>
            </Td>
            <Td label="Setup premium" className="text-right tabular-nums">{format.money(tier.setupPremium, currency)}</Td>
            <Td label="Monthly premium" className="text-right tabular-nums">{format.money(tier.monthlyPremium, currency)}</Td>
            <Td card="actions" className="text-right whitespace-nowrap">
              <RowActions subject={`tier ${tier.name}`} onEdit={() => onEdit(tier)} onDelete={() => onDelete(tier)} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
