"use client";

import { useId, useState } from "react";
import { useFormat } from "@/components/format/format-provider";
import { formatInternational } from "@/components/format/phone-display";
import { parsePhoneNumber } from "@/components/format/phone-number";
import { Input } from "@/components/ui/input";
import { tierFor, type Tier } from "@/server/modules/numbers/tiers";
import { DEFAULT_STOCK_COUNTRY } from "@/server/modules/numbers/partner/stock-number";

type TierTryBoxProps = { tiers: readonly Tier[]; currency: string; label?: string };

/** Type a number, see its tier: the same tierFor the list and the purchase price with. */
export function TierTryBox({ tiers, currency, label = "Try a number" }: TierTryBoxProps) {
  const format = useFormat();
  const id = useId();
  const [text, setText] = useState("");
  const parsed = text.trim() ? parsePhoneNumber(text, DEFAULT_STOCK_COUNTRY) : null;
  const tier = parsed ? tierFor(parsed.nationalDigits, tiers) : null;
  let verdict = "Type a number, national or with +, to see which tier it falls in.";
  if (text.trim() && !parsed) verdict = "That is not a valid number yet.";
  else if (parsed && !tier) verdict = `${formatInternational(parsed.e164)} is a standard number: no premium.`;
  else if (parsed && tier) {
    verdict = `${formatInternational(parsed.e164)} is ${tier.name}: ${format.money(tier.setupPremium, currency)} extra to set up, ${format.money(tier.monthlyPremium, currency)} extra a month.`;
  }
  return (
    <div className="space-y-1.5 rounded-lg border border-gray-200 bg-gray-50 p-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      <Input id={id} inputMode="tel" autoComplete="off" placeholder="020 7946 0000" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-verdict`} className="max-w-xs" />
      <p id={`${id}-verdict`} role="status" className="text-sm text-gray-700">
        {verdict}
      </p>
    </div>
  );
}
