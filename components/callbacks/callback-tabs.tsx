"use client";

import { SectionTabs } from "@/components/ui/section-tabs";

/** The web-callback section's pages; refusals and widgets are the administrators'. */
export function CallbackTabs({ isAdmin }: { isAdmin: boolean }) {
  if (!isAdmin) return null;
  return <SectionTabs label="Web callback" tabs={[{ href: "/callbacks", label: "Requests" }, { href: "/callbacks/refusals", label: "Refusals" }, { href: "/callbacks/widgets", label: "Widgets" }]} />;
}
