import { useFormat } from "@/components/format/format-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ActivityIcon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { describeEntry } from "./describe-entry";

export type AuditRow = { id: string; actorEmail: string; action: string; entityType: string; details: unknown; createdAt: Date };

type AuditTableProps = {
  rows: readonly AuditRow[];
  caption: string;
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
  emptyText?: string;
};

/** Audit entries newest first, with a "Load more" button while older pages remain. */
export function AuditTable({ rows, caption, hasMore, isLoadingMore, onLoadMore, emptyText = "Changes to users and settings will be listed here." }: AuditTableProps) {
  const format = useFormat();
  if (rows.length === 0) {
    return <EmptyState icon={<ActivityIcon className="size-6" />} title="No activity yet" description={emptyText} />;
  }
  return (
    <div className="space-y-4">
      <Table caption={caption}>
        <THead>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td label="When" className="whitespace-nowrap text-gray-700">
                <LocalTime value={row.createdAt} />
              </Td>
              <Td label="Who" className="whitespace-nowrap">
                {row.actorEmail}
              </Td>
              {/* Wraps: a sentence is read whole, never clipped. */}
              <Td card="title" className="min-w-64 text-gray-900 [overflow-wrap:anywhere] whitespace-normal">{describeEntry(row.action, row.details, format)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {hasMore && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={onLoadMore} isLoading={isLoadingMore}>
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
