import type { Metadata } from "next";
import { AccountPage } from "@/components/account/account-page";
import { requirePortalUser } from "../portal-user";

export const metadata: Metadata = { title: "My account" };

export default async function PortalAccountPage() {
  const user = await requirePortalUser("/account");
  return <AccountPage user={user} />;
}
