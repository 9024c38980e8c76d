import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { STRATEGY_LABELS } from "@/server/modules/routing/hunt-groups/domain";
import type { HuntGroupView } from "@/server/modules/routing/hunt-groups/service";

/** The company's hunt groups: number, name, how they ring and who is in them, in order. */
export function HuntGroupsTable({ groups }: { groups: readonly HuntGroupView[] }) {
  return (
    <Table caption="Hunt groups">
      <THead>
        <Th>Number</Th>
        <Th>Name</Th>
        <Th>Strategy</Th>
        <Th>Members</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {groups.map((g) => (
          <Tr key={g.id}>
            <Td card="title" className="font-semibold text-gray-900 tabular-nums">
              {g.number}
            </Td>
            <Td card="title" className="font-medium text-gray-900">
              {g.name}
            </Td>
            <Td label="Strategy">
              <Badge tone="accent">{STRATEGY_LABELS[g.strategy]}</Badge>
            </Td>
            <Td label="Members">
              {g.members.length === 0 ? <span className="text-gray-600">Nobody yet</span> : g.members.map((m) => `${m.displayName} (${m.number})`).join(", ")}
            </Td>
            <Td card="actions" className="text-right">
              <Link href={`/routing/hunt-groups/${g.id}`} className={buttonClasses({ variant: "ghost", size: "sm" })} aria-label={`Edit hunt group ${g.number} ${g.name}`}>
                Edit
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
