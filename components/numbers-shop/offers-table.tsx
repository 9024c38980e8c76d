"use client";

import { useFormat } from "@/components/format/format-provider";
import { numberKindLabel } from "@/components/format/phone-display";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TierBadge } from "./tier-badge";

export type OfferView = { number: string; source: "STOCK" | "SUPPLIER"; area: string | null; numberType: string | null; tier: string | null; setupFee: string; monthlyFee: string; currency: string };

export function OffersTable({ offers, onBuy }: { offers: readonly OfferView[]; onBuy: (offer: OfferView) => void }) {
  const format = useFormat();
  return (
    <Table caption="Numbers you can buy">
      <THead>
        <Th>Number</Th>
        <Th>Area</Th>
        <Th>Type</Th>
        <Th>Tier</Th>
        <Th className="text-right">Setup</Th>
        <Th className="text-right">Monthly</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {offers.map((offer) => (
          <Tr key={offer.number}>
            <Td card="title">
              <PhoneNumberText e164={offer.number} locale={format.locale} />
            </Td>
            <Td label="Area">{offer.area ?? "—"}</Td>
            <Td label="Type">{numberKindLabel(offer.numberType)}</Td>
            <Td label="Tier">
              <TierBadge tier={offer.tier} />
            </Td>
            <Td label="Setup" className="text-right tabular-nums">{format.money(offer.setupFee, offer.currency)}</Td>
            <Td label="Monthly" className="text-right tabular-nums">{format.money(offer.monthlyFee, offer.currency)}</Td>
            <Td card="actions" className="text-right">
              <Button size="sm" onClick={() => onBuy(offer)} aria-label={`Buy ${offer.number}`}>
                Buy
              </Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
