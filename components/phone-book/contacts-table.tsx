"use client";

import { CallButton } from "@/components/callbacks/call-button";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type ContactRow = {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  ownerUserId: string | null;
  numbers: { id: string; label: string; number: string }[];
};

type Props = { contacts: readonly ContactRow[]; canEdit: (c: ContactRow) => boolean; onEdit: (c: ContactRow) => void; onDelete: (c: ContactRow) => void };

/** Contacts with every number formatted, each with a Call button (click-to-call). */
export function ContactsTable({ contacts, canEdit, onEdit, onDelete }: Props) {
  return (
    <Table caption="Contacts">
      <THead>
        <Th>Name</Th>
        <Th>Company</Th>
        <Th>Numbers</Th>
        <Th>Email</Th>
        <Th>Book</Th>
        <Th className="text-right">Actions</Th>
      </THead>
      <TBody>
        {contacts.map((c) => (
          <Tr key={c.id}>
            <Td card="title">{c.name}</Td>
            <Td label="Company">{c.company ?? "—"}</Td>
            <Td label="Numbers">
              <ul className="space-y-0.5">
                {c.numbers.map((n) => (
                  <li key={n.id}>
                    <span className="mr-2 text-xs text-gray-600">{n.label}</span>
                    <PhoneNumberText e164={n.number} />
                    <CallButton number={n.number} name={c.name} />
                  </li>
                ))}
              </ul>
            </Td>
            <Td label="Email">{c.email ?? "—"}</Td>
            <Td label="Book">{c.ownerUserId ? <Badge tone="accent">Personal</Badge> : <Badge>Company</Badge>}</Td>
            <Td label="Actions" card="actions" className="text-right whitespace-nowrap">
              {canEdit(c) && (
                <>
                  <Button variant="ghost" size="sm" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>Edit</Button>
                  <Button variant="ghost" size="sm" onClick={() => onDelete(c)} aria-label={`Delete ${c.name}`}>Delete</Button>
                </>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
