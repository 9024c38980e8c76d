"use client";

import { CallerIdPolicyCard } from "@/components/sms-admin/caller-id-policy-card";
import { GatewayCard } from "@/components/sms-admin/gateway-card";
import { OutboxSection } from "@/components/sms-admin/outbox-section";
import { PageHeader } from "@/components/ui/page-header";

export function MessagesPageClient() {
  return (
    <>
      <PageHeader title="Text messages" description="Verification codes sent to your customers' mobiles, how they are sent, and whether unverified mobiles may be used as caller ID." />
      <div className="space-y-8">
        <div className="grid gap-6 lg:grid-cols-2">
          <GatewayCard />
          <CallerIdPolicyCard />
        </div>
        <section aria-labelledby="outbox-heading" className="space-y-3">
          <h2 id="outbox-heading" className="text-base font-semibold text-gray-900">
            Outbox and delivery log
          </h2>
          <OutboxSection />
        </section>
      </div>
    </>
  );
}
