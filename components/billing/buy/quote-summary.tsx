import { useFormat } from "@/components/format/format-provider";
import type { ReactNode } from "react";
import { AlertIcon } from "@/components/ui/icons";
import { accountTypePlural } from "../format";
import { BandScale, type ScaleBand } from "./band-scale";

export type QuoteView = {
  currency: string;
  quantity: number;
  totalAfter: number;
  band: { label: string; minQuantity: number; maxQuantity: number | null };
  unitPrice: string;
  setupFee: string;
  total: string;
  nextBand: { accountsNeeded: number; unitPrice: string; label: string; message: string } | null;
  repricing: { accounts: number; unitPrice: string; message: string } | null;
  bands: ScaleBand[];
};

/** "6–10 accounts", "11 or more accounts". */
const bandWords = (band: QuoteView["band"]) => (band.maxQuantity === null ? `${band.minQuantity} or more accounts` : `${band.label} accounts`);

function Line({ label, value, isTotal = false }: { label: ReactNode; value: string; isTotal?: boolean }) {
  return (
    <div className={`flex items-baseline justify-between gap-4 py-2 ${isTotal ? "border-t border-gray-200 text-base font-semibold text-gray-900" : "text-sm text-gray-700"}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/** The quote as the server computed it: the same numbers the purchase will charge. */
export function QuoteSummary({ quote, accountType }: { quote: QuoteView; accountType: string }) {
  const format = useFormat();
  const money = (amount: string) => format.money(amount, quote.currency);
  const existing = quote.totalAfter - quote.quantity;
  return (
    <div className="space-y-5">
      <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-900">
        Band reached: {bandWords(quote.band)}: {money(quote.unitPrice)} each
      </p>
      <dl>
        <Line label="Price per account, monthly" value={money(quote.unitPrice)} />
        <Line label="Setup fee per account" value={money(quote.setupFee)} />
        <Line label="Accounts" value={`${quote.quantity}`} />
        <Line label="Total to pay now" value={money(quote.total)} isTotal />
      </dl>
      <p className="text-sm text-gray-700">
        The total pays each account&apos;s setup fee and first month. You will have {quote.totalAfter} {accountTypePlural(accountType, quote.totalAfter).toLowerCase()}
        {existing > 0 ? ` (${existing} now)` : ""}.
      </p>
      {quote.nextBand && (
        <p className="text-sm text-gray-800">
          <span className="font-medium">Next band ({quote.nextBand.label}):</span> {quote.nextBand.message}
        </p>
      )}
      {quote.repricing && (
        <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <AlertIcon className="size-5 shrink-0" />
          <span>
            <span className="font-semibold">Re-pricing: </span>
            {quote.repricing.message}
          </span>
        </p>
      )}
      {quote.bands.length > 0 && <BandScale bands={quote.bands} currency={quote.currency} existing={existing} after={quote.totalAfter} />}
    </div>
  );
}
