import type { Metadata } from "next";
import { requirePortalAdmin } from "../../portal-user";
import { BuyNumbersPageClient } from "./page-client";

export const metadata: Metadata = { title: "Buy numbers" };

export default async function BuyNumbersPage() {
  await requirePortalAdmin("/numbers/buy");
  // No prefetch: the search runs when the customer asks (a supplier search costs a vendor call).
  return <BuyNumbersPageClient />;
}
