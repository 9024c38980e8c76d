import type { Metadata } from "next";
import { HydrateClient } from "@/components/providers/hydrate";
import { CONTACT_PAGING } from "@/components/phone-book/contact-paging";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { requirePortalUser } from "../portal-user";
import { PhoneBookPageClient } from "./page-client";

export const metadata: Metadata = { title: "Phone book" };

/** Everyone: the company's contacts and their own; admins also edit the company's and its speed dials. */
export default async function PhoneBookPage() {
  const user = await requirePortalUser("/phone-book");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.phoneBook.find.infiniteQueryOptions({}, CONTACT_PAGING)),
    queryClient.prefetchQuery(trpc.speedDial.find.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PhoneBookPageClient isAdmin={user.role === "CUSTOMER_ADMIN"} userId={user.id} />
    </HydrateClient>
  );
}
