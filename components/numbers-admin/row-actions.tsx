import { Button } from "@/components/ui/button";

type RowActionsProps = { subject: string; onEdit?: () => void; onDelete?: () => void; deleteLabel?: string };

/** A row's Edit and Delete (or Retire) buttons, named for screen readers by what they act on. */
export function RowActions({ subject, onEdit, onDelete, deleteLabel = "Delete" }: RowActionsProps) {
  return (
    <>
      {onEdit && (
        <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${subject}`}>
          Edit
        </Button>
      )}
      {onDelete && (
        <Button variant="ghost" size="sm" onClick={onDelete} aria-label={`${deleteLabel} ${subject}`} className="text-red-700 hover:text-red-800">
          {deleteLabel}
        </Button>
      )}
    </>
  );
}
