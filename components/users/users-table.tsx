import type { Role } from "@/server/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RoleBadge } from "./role-badge";

export type UserRow = { id: string; name: string; email: string; role: Role; lastSignInAt: Date | null };

type UsersTableProps<T extends UserRow> = {
  users: readonly T[];
  caption: string;
  currentUserId?: string;
  onEdit?: (user: T) => void;
  onRemove?: (user: T) => void;
};

/** Users with role and last sign-in; the action column appears only when handlers are given. */
export function UsersTable<T extends UserRow>({ users, caption, currentUserId, onEdit, onRemove }: UsersTableProps<T>) {
  const hasActions = Boolean(onEdit || onRemove);
  return (
    <Table caption={caption}>
      <THead>
        <Th>Name</Th>
        <Th>Email</Th>
        <Th>Role</Th>
        <Th>Last sign-in</Th>
        {hasActions && (
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </THead>
      <TBody>
        {users.map((user) => (
          <Tr key={user.id}>
            <Td card="title" className="font-medium whitespace-nowrap text-gray-900">
              {user.name} {user.id === currentUserId && <Badge>You</Badge>}
            </Td>
            <Td label="Email" className="whitespace-nowrap">
              {user.email}
            </Td>
            <Td label="Role">
              <RoleBadge role={user.role} />
            </Td>
            <Td label="Last sign-in" className="whitespace-nowrap">
              <LocalTime value={user.lastSignInAt} fallback="Never" />
            </Td>
            {hasActions && (
              <Td card="actions" className="text-right whitespace-nowrap">
                <div className="inline-flex flex-wrap gap-1">
                  {onEdit && (
                    <Button variant="ghost" size="sm" onClick={() => onEdit(user)} aria-label={`Edit ${user.name}`}>
                      Edit
                    </Button>
                  )}
                  {onRemove && user.id !== currentUserId && (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700 hover:bg-red-50 hover:text-red-800"
                      onClick={() => onRemove(user)}
                      aria-label={`Remove ${user.name}`}
                    >
                      Remove
                    </Button>
                  )}
                </div>
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
