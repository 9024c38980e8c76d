import type { ReactNode } from "react";
import { NumbersTabs } from "@/components/numbers/numbers-tabs";
import { requirePortalAdmin } from "../portal-user";

/**
 * Numbers are the company's and cost money: administrators only, checked above every loading
 * state so others get a real 403. The tabs serve every Numbers page.
 */
export default async function NumbersLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/numbers");
  return (
    <>
      <NumbersTabs />
      {children}
    </>
  );
}
