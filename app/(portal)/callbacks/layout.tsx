import type { ReactNode } from "react";
import { CallbackTabs } from "@/components/callbacks/callback-tabs";
import { requirePortalUser } from "../portal-user";

/**
 * Web callback: everyone sees their requests; admins also the refusals tab. No loading state
 * at this level: it would start the response before refusals/layout.tsx can answer 403.
 */
export default async function CallbacksLayout({ children }: { children: ReactNode }) {
  const user = await requirePortalUser("/callbacks");
  return (
    <>
      <CallbackTabs isAdmin={user.role === "CUSTOMER_ADMIN"} />
      {children}
    </>
  );
}
