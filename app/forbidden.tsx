import type { Metadata } from "next";
import { AccessDenied } from "@/components/layout/access-denied";

export const metadata: Metadata = { title: "Access refused" };

/**
 * 403 for a signed-in person on a page their account may not open, outside any area's shell
 * (the back office refusing a customer's account). Pages call forbidden() from their layouts,
 * before the loading state streams, so the status is really 403.
 */
export default function Forbidden() {
  return (
    <main>
      <AccessDenied title="Access refused" backHref="/" backLabel="Back to your home page" isFullPage>
        Your account cannot open this page. The back office is for your phone service provider&apos;s staff; your company&apos;s portal is for you.
      </AccessDenied>
    </main>
  );
}
