"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogFooter } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  isPending?: boolean;
};

/** Asks before a consequential action. The caller closes it when the action succeeds. */
export function ConfirmDialog({ open, onClose, onConfirm, title, description, confirmLabel, isDanger = false, isPending = false }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} size="sm">
      <div className="text-sm text-gray-700">{description}</div>
      <DialogFooter>
        <Button variant="secondary" onClick={onClose} disabled={isPending} autoFocus>
          Cancel
        </Button>
        <Button variant={isDanger ? "danger" : "primary"} onClick={onConfirm} isLoading={isPending}>
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
