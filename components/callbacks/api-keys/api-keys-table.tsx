import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  rateLimitPerMinute: number;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  scope: { sipAccountId: string; label: string } | null;
};

/** Keys by prefix (the only part of a key ever shown again), scope, limit and last use. */
export function ApiKeysTable({ keys, onEdit, onRevoke }: { keys: readonly ApiKeyRow[]; onEdit: (key: ApiKeyRow) => void; onRevoke: (key: ApiKeyRow) => void }) {
  return (
    <Table caption="API keys">
      <THead>
        <Th>Name</Th>
        <Th>Key</Th>
        <Th>Calls from</Th>
        <Th>Limit</Th>
        <Th>Last used</Th>
        <Th className="text-right">
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {keys.map((key) => (
          <Tr key={key.id} className={key.revokedAt ? "text-gray-500" : ""}>
            <Td card="title" className="font-medium whitespace-nowrap text-gray-900">
              {key.name} {key.revokedAt && <Badge tone="danger">Revoked</Badge>}
            </Td>
            <Td label="Key" className="font-mono whitespace-nowrap">
              {key.prefix}…
            </Td>
            <Td label="Calls from">{key.scope ? key.scope.label : "Any line"}</Td>
            <Td label="Limit" className="whitespace-nowrap">
              {key.rateLimitPerMinute.toLocaleString("en-GB")} a minute
            </Td>
            <Td label="Last used" className="whitespace-nowrap">
              <LocalTime value={key.lastUsedAt} fallback="Never" />
            </Td>
            <Td card="actions" className="text-right whitespace-nowrap">
              {!key.revokedAt && (
                <div className="inline-flex flex-wrap gap-1">
                  <Button variant="ghost" size="sm" onClick={() => onEdit(key)} aria-label={`Edit ${key.name}`}>
                    Edit
                  </Button>
                  <Button variant="ghost" size="sm" className="text-red-700 hover:text-red-800" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </Button>
                </div>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
