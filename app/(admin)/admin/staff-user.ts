import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import type { SessionUser } from "@/server/auth/session-user";

export const isStaff = (user: Pick<SessionUser, "role">) => user.role === "PLATFORM_ADMIN" || user.role === "PARTNER_ADMIN";

/**
 * The signed-in staff member for a back-office page, or null for anyone else (the layout
 * shows them the refusal). Pages check too: layouts and pages render in parallel.
 */
export async function requireStaffUser(path: string): Promise<SessionUser | null> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return isStaff(user) ? user : null;
}
