"use client";

import { useQuery } from "@tanstack/react-query";
import { OutOfCreditNotice } from "@/components/billing/credit-card";
import { accountTypePlural } from "@/components/billing/format";
import { useFormat } from "@/components/format/format-provider";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { ActivityIcon, LayersIcon, PhoneIcon, PlusIcon, UsersIcon, WalletIcon } from "@/components/ui/icons";
import { balanceWarning } from "./balance-warning";
import { Figure, HomeCard } from "./home-card";
import { PhonesCard } from "./phones-card";
import type { LivePresence } from "./home-page-client";

/** A company administrator's home: money, phones, spare lines, people, each linked to its page. */
export function AdminHome({ presence }: { presence: LivePresence }) {
  const trpc = useTRPC();
  const format = useFormat();
  const home = useQuery(trpc.home.admin.queryOptions());
  const credit = useQuery(trpc.billing.credit.queryOptions());
  if (home.isError) return <QueryError error={home.error} onRetry={() => home.refetch()} />;
  const data = home.data;
  const isLoading = !data;
  const homeCharge = data?.nextCharge.totals.find((t) => t.currency === data.balance.currency);
  const warning = data ? balanceWarning(data.balance.amount, homeCharge?.amount ?? "0") : null;

  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <HomeCard title="Balance" icon={<WalletIcon className="size-5" />} href="/billing" linkLabel="Billing and top-ups" isLoading={isLoading} tone={warning || credit.data?.isOutOfCredit ? "warning" : "normal"} testId="home-balance">
        {data && (
          <>
            <Figure value={format.money(data.balance.amount, data.balance.currency)} testId="home-balance-amount" />
            {credit.data?.isOutOfCredit && (
              <div className="mt-2">
                <OutOfCreditNotice notice={credit.data.notice} testId="home-out-of-credit" />
              </div>
            )}
            {warning && !credit.data?.isOutOfCredit && (
              <p role="alert" className="mt-2 text-sm font-medium text-amber-900" data-testid="home-balance-warning">
                {warning === "overdrawn"
                  ? "Your balance is below zero. Top up so calls and renewals keep going."
                  : `Low balance: it does not cover the next monthly charge of ${format.money(homeCharge!.amount, data.balance.currency)}.`}
              </p>
            )}
          </>
        )}
      </HomeCard>

      <PhonesCard rows={presence.rows} status={presence.status} />

      <HomeCard title="Next monthly charge" icon={<LayersIcon className="size-5" />} href="/billing#billing-accounts" linkLabel="Your accounts" isLoading={isLoading} testId="home-next-charge">
        {data &&
          (data.nextCharge.totals.length === 0 ? (
            <p className="text-sm text-gray-700">Nothing is billed monthly yet.</p>
          ) : (
            <>
              <Figure value={data.nextCharge.totals.map((t) => format.money(t.amount, t.currency)).join(" + ")} testId="home-next-charge-amount" />
              <p className="mt-1 text-sm text-gray-700">
                On {format.date(data.nextCharge.on)}, for {chargedThings(data.nextCharge.totals)}
              </p>
            </>
          ))}
      </HomeCard>

      <HomeCard title="Unused lines" icon={<PlusIcon className="size-5" />} href={data && data.unusedAccounts > 0 ? "/extensions?assign=new" : "/billing/buy"} linkLabel={data && data.unusedAccounts > 0 ? (data.unusedAccounts === 1 ? "Give it an extension" : "Give each an extension") : "Buy accounts"} isLoading={isLoading} testId="home-unused">
        {data &&
          (data.unusedAccounts === 0 ? (
            <p className="text-sm text-gray-700">Every line you bought has an extension.</p>
          ) : (
            <>
              <Figure value={data.unusedAccounts} testId="home-unused-count">
                {accountTypePlural("CENTREX_LINE", data.unusedAccounts).toLowerCase()} without an extension
              </Figure>
              <p className="mt-1 text-sm text-gray-700">You pay for them already; an extension puts a phone on each.</p>
            </>
          ))}
      </HomeCard>

      <HomeCard title="People" icon={<UsersIcon className="size-5" />} href="/users" linkLabel="Users" isLoading={isLoading} testId="home-users">
        {data && (
          <>
            <Figure value={data.users.total}>{data.users.total === 1 ? "user" : "users"}</Figure>
            <p className="mt-1 text-sm text-gray-700">
              {data.users.admins} {data.users.admins === 1 ? "administrator" : "administrators"}, {data.users.total - data.users.admins} extension{" "}
              {data.users.total - data.users.admins === 1 ? "user" : "users"}
            </p>
          </>
        )}
      </HomeCard>

      <HomeCard title="Calls today" icon={<PhoneIcon className="size-5" />} isLoading={isLoading} testId="home-calls">
        {data && (
          <>
            <Figure value={format.number(data.callsToday)} testId="home-calls-today">
              {data.callsToday === 1 ? "call" : "calls"} since midnight
            </Figure>
            <p className="mt-1 text-sm text-gray-700">Midnight in your company&apos;s time zone, {format.timeZone}.</p>
          </>
        )}
      </HomeCard>

      <HomeCard title="Activity" icon={<ActivityIcon className="size-5" />} href="/activity" linkLabel="Activity log" testId="home-activity">
        <p className="text-sm text-gray-700">Who changed what in your company&apos;s account, and when.</p>
      </HomeCard>
    </div>
  );
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 accounts", "1 number", "3 accounts and 1 number". */
function chargedThings(totals: readonly { accounts: number; numbers: number }[]) {
  const accounts = totals.reduce((n, t) => n + t.accounts, 0);
  const numbers = totals.reduce((n, t) => n + t.numbers, 0);
  return [accounts > 0 && counted(accounts, "account", "accounts"), numbers > 0 && counted(numbers, "number", "numbers")].filter(Boolean).join(" and ");
}
