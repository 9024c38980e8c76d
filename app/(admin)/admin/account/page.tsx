import type { Metadata } from "next";
import { AccountPage } from "@/components/account/account-page";
import { requireStaffUser } from "../staff-user";

export const metadata: Metadata = { title: "My account" };

export default async function AdminAccountPage() {
  const user = await requireStaffUser("/admin/account");
  return <AccountPage user={user} />;
}
