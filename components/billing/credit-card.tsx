"use client";

import type { ReactNode } from "react";
import { useFormat } from "@/components/format/format-provider";
import { Card, DetailList } from "@/components/ui/card";
import { AlertIcon } from "@/components/ui/icons";

export type CreditState = { currency: string; isPrepaid: boolean; balance: string; creditLimit: string; available: string; isOutOfCredit: boolean; notice: string | null };

/** "Outgoing calls are stopped: …" wherever the customer's money is shown (issue 13). */
export function OutOfCreditNotice({ notice, testId = "out-of-credit-notice" }: { notice: string | null; testId?: string }) {
  if (!notice) return null;
  return (
    <p role="alert" className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-900" data-testid={testId}>
      <AlertIcon className="size-5 shrink-0" />
      {notice}
    </p>
  );
}

/** Available credit (balance + credit limit) and how the customer pays for calls. */
export function CreditCard({ credit, actions, children }: { credit: CreditState; actions?: ReactNode; children?: ReactNode }) {
  const format = useFormat();
  return (
    <Card title="Credit for calls" actions={actions}>
      <div className="space-y-3">
        <OutOfCreditNotice notice={credit.notice} />
        <DetailList
          items={[
            { label: "Available credit", value: <span data-testid="available-credit">{format.money(credit.available, credit.currency)}</span> },
            { label: "Credit limit", value: format.money(credit.creditLimit, credit.currency) },
            {
              label: "Calls are paid",
              value: credit.isPrepaid ? "In advance: outgoing calls stop when the available credit is used up" : "On account: outgoing calls never stop for credit",
            },
          ]}
        />
        {children}
      </div>
    </Card>
  );
}
