import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { STRATEGY_LABELS } from "@/server/modules/routing/hunt-groups/domain";
import { formatWait } from "@/server/modules/queues/domain";
import type { CallQueueView } from "@/server/modules/queues/service";

/** The company's queues: number, name, strategy, who is logged in, and the longest wait. */
export function CallQueuesTable({ queues }: { queues: readonly CallQueueView[] }) {
  return (
    <Table caption="Call queues">
      <THead>
        <Th>Number</Th>
        <Th>Name</Th>
        <Th>Strategy</Th>
        <Th>Members logged in</Th>
        <Th>Longest wait</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {queues.map((q) => (
          <Tr key={q.id}>
            <Td card="title" className="font-semibold text-gray-900 tabular-nums">
              {q.number}
            </Td>
            <Td card="title" className="font-medium text-gray-900">
              {q.name}
            </Td>
            <Td label="Strategy">
              <Badge tone="accent">{STRATEGY_LABELS[q.strategy]}</Badge>
            </Td>
            <Td label="Members logged in">
              {q.members.length === 0 ? <span className="text-gray-600">Nobody yet</span> : `${q.members.filter((m) => m.isLoggedIn).length} of ${q.members.length}`}
            </Td>
            <Td label="Longest wait">{formatWait(q.maxWaitSec)}</Td>
            <Td card="actions" className="text-right">
              <Link href={`/routing/queues/${q.id}`} className={buttonClasses({ variant: "ghost", size: "sm" })} aria-label={`Edit call queue ${q.number} ${q.name}`}>
                Edit
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
