import { useFormat } from "@/components/format/format-provider";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { BalanceChart } from "./balance-chart";
import type { BalanceEntry } from "./balance-series";
import { isNegativeAmount } from "./format";

export type BalanceRow = { currency: string; amount: string };

type BalanceCardProps = {
  balances: readonly BalanceRow[];
  /** Loaded ledger entries, for the running-balance chart of the main currency. */
  entries?: readonly BalanceEntry[];
  actions?: ReactNode;
  title?: string;
};

/** The balance per currency; the first is the partner's currency, always present. */
export function BalanceCard({ balances, entries = [], actions, title = "Balance" }: BalanceCardProps) {
  const format = useFormat();
  const [home, ...others] = balances;
  return (
    <Card title={title} actions={actions}>
      {home && (
        <p className="text-3xl font-semibold tracking-tight text-gray-900 tabular-nums" data-testid="balance-amount">
          {format.money(home.amount, home.currency)}
          {isNegativeAmount(home.amount) && <span className="ml-2 align-middle text-sm font-medium text-red-700">Overdrawn</span>}
        </p>
      )}
      {others.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 text-sm text-gray-700" aria-label="Balances in other currencies">
          {others.map((b) => (
            <li key={b.currency} className="tabular-nums">
              {format.money(b.amount, b.currency)}
            </li>
          ))}
        </ul>
      )}
      {home && <BalanceChart entries={entries} balance={home.amount} currency={home.currency} />}
    </Card>
  );
}
