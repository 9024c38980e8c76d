"use client";

import Link from "next/link";
import { useFormat } from "@/components/format/format-provider";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type MobileRow = {
  id: string;
  number: string;
  verifiedAt: Date | null;
  verifiedByName: string | null;
  isUsable: boolean;
  extensions: { id: string; number: string; displayName: string }[];
};

/** The company's caller-ID mobiles: how each was proved, and which extensions show it. */
export function MobilesTable({ mobiles, onRemove }: { mobiles: readonly MobileRow[]; onRemove: (mobile: MobileRow) => void }) {
  const format = useFormat();
  return (
    <Table caption="Caller-ID mobiles">
      <THead>
        <Th>Mobile</Th>
        <Th>Status</Th>
        <Th>Shown by</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {mobiles.map((m) => (
          <Tr key={m.id}>
            <Td card="title">
              <PhoneNumberText e164={m.number} locale={format.locale} />
            </Td>
            <Td label="Status">
              <MobileStatus mobile={m} />
            </Td>
            <Td label="Shown by">
              {m.extensions.length === 0 ? (
                <Link href="/extensions" className="text-indigo-700 hover:underline">
                  Set it on an extension
                </Link>
              ) : (
                m.extensions.map((e) => `${e.number} (${e.displayName})`).join(", ")
              )}
            </Td>
            <Td card="actions" className="text-right">
              <Button variant="ghost" size="sm" onClick={() => onRemove(m)} aria-label={`Remove ${m.number}`}>
                Remove
              </Button>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function MobileStatus({ mobile }: { mobile: MobileRow }) {
  const format = useFormat();
  if (mobile.verifiedAt) {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="success">Verified</Badge>
        <span className="text-gray-700">{[mobile.verifiedByName && `by ${mobile.verifiedByName}`, format.dateTime(mobile.verifiedAt)].filter(Boolean).join(", ")}</span>
      </span>
    );
  }
  if (mobile.isUsable) return <Badge tone="warning">Not verified (allowed by your provider)</Badge>;
  return <Badge tone="danger">Not verified: verify it to use it</Badge>;
}
