import { useFormat } from "@/components/format/format-provider";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { CheckCircleIcon } from "@/components/ui/icons";
import { accountTypePlural } from "../format";

export type PurchaseOutcome = {
  purchase: { quantity: number; accountType: string; total: string; currency: string; unitPrice: string };
  accounts: { id: string; username: string }[];
};

/** What was bought and charged, and the new accounts, right where the order was placed. */
export function PurchaseDone({ outcome, onBuyMore }: { outcome: PurchaseOutcome; onBuyMore: () => void }) {
  const format = useFormat();
  const { purchase, accounts } = outcome;
  return (
    <section role="status" aria-labelledby="purchase-done" className="rounded-lg border border-green-200 bg-green-50 p-5">
      <h2 id="purchase-done" className="flex items-center gap-2 text-base font-semibold text-green-900">
        <CheckCircleIcon className="size-5" /> Bought {purchase.quantity} {accountTypePlural(purchase.accountType, purchase.quantity).toLowerCase()}
      </h2>
      <p className="mt-2 text-sm text-green-900">
        Charged {format.money(purchase.total, purchase.currency)} to your balance. Each account then costs {format.money(purchase.unitPrice, purchase.currency)} a month.
      </p>
      <p className="mt-3 text-sm font-medium text-gray-900">New SIP accounts</p>
      <ul className="mt-1 grid gap-1 font-mono text-xs text-gray-900 sm:grid-cols-2">
        {accounts.map((a) => (
          <li key={a.id}>{a.username}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-gray-700">Give each account to an extension to start using it; its password is created then and shown once.</p>
      <div className="mt-4 flex flex-wrap gap-2">
        {purchase.accountType === "CENTREX_LINE" && (
          <Link href="/extensions?assign=new" className={buttonClasses()}>
            Give each account an extension
          </Link>
        )}
        <Link href="/billing" className={buttonClasses({ variant: purchase.accountType === "CENTREX_LINE" ? "secondary" : "primary" })}>
          View billing
        </Link>
        <Button variant="secondary" onClick={onBuyMore}>
          Buy more
        </Button>
      </div>
    </section>
  );
}
