import type { ReactNode } from "react";
import { Button } from "./button";
import { DialogFooter } from "./dialog";

/**
 * The footer of every form dialog: Cancel, then the submit button. While the form is being
 * sent, Cancel is disabled and the submit button shows its spinner, so a second click cannot
 * send the form twice.
 */
export function FormDialogFooter({ onCancel, isPending, submitLabel }: { onCancel: () => void; isPending: boolean; submitLabel: ReactNode }) {
  return (
    <DialogFooter>
      <Button variant="secondary" onClick={onCancel} disabled={isPending}>
        Cancel
      </Button>
      <Button type="submit" isLoading={isPending}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}
