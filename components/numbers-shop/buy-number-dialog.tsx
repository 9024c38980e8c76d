"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { newIdempotencyKey } from "@/components/billing/idempotency-key";
import { PurchaseError } from "@/components/billing/purchase-error";
import { TopUpDialog } from "@/components/billing/top-up-dialog";
import { useFormat } from "@/components/format/format-provider";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { DetailList } from "@/components/ui/card";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import type { OfferView } from "./offers-table";
import { TierBadge } from "./tier-badge";

export type BoughtNumber = { number: string; status: "PENDING" | "COMPLETED" | "FAILED" | "CANCELLED" };

/** Addition of two exact decimal strings (≤ 5 places), so the total shown is the total charged. */
function addMoney(a: string, b: string): string {
  const scale = 100_000n;
  const toUnits = (v: string) => {
    const [whole = "0", fraction = ""] = v.split(".");
    return BigInt(whole) * scale + BigInt(fraction.padEnd(5, "0").slice(0, 5));
  };
  const sum = toUnits(a) + toUnits(b);
  return `${sum / scale}.${(sum % scale).toString().padStart(5, "0")}`;
}

/**
 * Confirms one number's price and buys it. One idempotency key per dialog (the parent keys the
 * dialog by number, so each offer mounts afresh): a double click or a retry after a refusal is
 * one purchase. A supplier failure is final for its key, so trying again takes a new one.
 * Short of money, it offers a top-up in place.
 */
export function BuyNumberDialog({ offer, onClose, onBought }: { offer: OfferView | null; onClose: () => void; onBought: (bought: BoughtNumber) => void }) {
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [intentKey, setIntentKey] = useState(newIdempotencyKey);
  const [isToppingUp, setToppingUp] = useState(false);
  const balance = useQuery({ ...trpc.billing.balance.queryOptions(), enabled: offer !== null });
  const buy = useMutation(
    trpc.numberShop.buy.mutationOptions({
      onError: (err) => {
        if (err.data?.appCode === "UPSTREAM_FAILED") setIntentKey(newIdempotencyKey());
      },
      onSuccess: async (result) => {
        onBought({ number: result.number, status: result.status });
        await Promise.all([trpc.billing.balance, trpc.billing.ledger, trpc.numberShop.search].map((p) => queryClient.invalidateQueries(p.pathFilter())));
      },
    }),
  );
  const close = () => {
    buy.reset();
    onClose();
  };
  if (!offer) return null;
  const total = addMoney(offer.setupFee, offer.monthlyFee);
  const confirm = () => {
    if (buy.isPending) return;
    buy.mutate({ number: offer.number, expectedSetupFee: offer.setupFee, expectedMonthlyFee: offer.monthlyFee, idempotencyKey: intentKey });
  };
  const home = balance.data?.find((b) => b.currency === offer.currency);

  return (
    <>
      <Dialog open onClose={close} title="Buy this number" size="sm">
        <div className="space-y-4 text-sm text-gray-700">
          <p className="text-lg font-semibold text-gray-900">
            <PhoneNumberText e164={offer.number} locale={format.locale} />
          </p>
          <DetailList
            items={[
              { label: "Tier", value: <TierBadge tier={offer.tier} /> },
              { label: "Setup", value: format.money(offer.setupFee, offer.currency) },
              { label: "Each month", value: format.money(offer.monthlyFee, offer.currency) },
              { label: "Paid now", value: <span className="font-semibold text-gray-900">{format.money(total, offer.currency)}</span> },
              ...(home ? [{ label: "Your balance", value: format.money(home.amount, home.currency) }] : []),
            ]}
          />
          <p>Paid now from your balance: the setup fee and this month. After that it is charged on the 1st of each month until you cancel it.</p>
          {offer.source === "SUPPLIER" && <p className="text-gray-600">This number comes from our supplier; ordering it takes a few seconds.</p>}
          <PurchaseError error={buy.error} onTopUp={() => setToppingUp(true)} />
        </div>
        <DialogFooter>
          <Button variant="secondary" onClick={close} disabled={buy.isPending}>
            Cancel
          </Button>
          <Button onClick={confirm} isLoading={buy.isPending}>
            Buy for {format.money(total, offer.currency)}
          </Button>
        </DialogFooter>
      </Dialog>
      <TopUpDialog open={isToppingUp} onClose={() => setToppingUp(false)} currency={offer.currency} />
    </>
  );
}
