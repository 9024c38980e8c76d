import Link from "next/link";
import { formatInternational } from "@/components/format/phone-display";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { IvrMenuView } from "@/server/modules/ivr/service";

/** The company's menus: name, the keys they offer, and the numbers that ring them. */
export function IvrMenusTable({ menus }: { menus: readonly IvrMenuView[] }) {
  return (
    <Table caption="IVR menus">
      <THead>
        <Th>Name</Th>
        <Th>Keys</Th>
        <Th>Numbers</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {menus.map((m) => (
          <Tr key={m.id}>
            <Td card="title" className="font-medium text-gray-900">
              {m.name}
            </Td>
            <Td label="Keys">{m.options.length === 0 ? <span className="text-gray-600">None yet</span> : m.options.map((o) => o.digit).join(" ")}</Td>
            <Td label="Numbers">{m.numbers.length === 0 ? <span className="text-gray-600">No number rings it</span> : m.numbers.map(formatInternational).join(", ")}</Td>
            <Td card="actions" className="text-right">
              <Link href={`/routing/ivr/${m.id}`} className={buttonClasses({ variant: "ghost", size: "sm" })} aria-label={`Edit IVR menu ${m.name}`}>
                Edit
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
