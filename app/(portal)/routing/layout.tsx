import type { ReactNode } from "react";
import { RoutingTabs } from "@/components/routing/routing-tabs";
import { requirePortalAdmin } from "../portal-user";

/**
 * Call routing is the company’s (hunt groups, IVR menus, call queues, holidays): administrators only, checked above
 * every loading state so others get a real 403. The tabs serve every routing page.
 */
export default async function RoutingLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/routing/hunt-groups");
  return (
    <>
      <RoutingTabs />
      {children}
    </>
  );
}
