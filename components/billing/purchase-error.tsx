"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/errors";
import { AlertIcon } from "@/components/ui/icons";

type PurchaseFailure = { data?: { appCode?: string | null } | null } | null;

/** Why a purchase did not go through; when the balance is short, the way to fix it right there. */
export function PurchaseError({ error, onTopUp, className = "" }: { error: PurchaseFailure; onTopUp: () => void; className?: string }) {
  if (!error) return null;
  return (
    <div role="alert" className={`flex flex-col gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 ${className}`}>
      <p className="flex items-start gap-2">
        <AlertIcon className="size-5 shrink-0" />
        {errorMessage(error)}
      </p>
      {error.data?.appCode === "INSUFFICIENT_FUNDS" && (
        <Button variant="secondary" size="sm" className="self-start" onClick={onTopUp}>
          Top up
        </Button>
      )}
    </div>
  );
}
