"use client";

import { usePresenceStream } from "@/components/extensions/use-presence-stream";
import { AdminHome } from "./admin-home";
import { MyHome } from "./my-home";

export type LivePresence = Pick<ReturnType<typeof usePresenceStream>, "rows" | "status">;

/** The home page's one event stream: the phones card and one's own extension both read it. */
export function HomePageClient({ isAdmin }: { isAdmin: boolean }) {
  const { rows, status } = usePresenceStream();
  const presence = { rows, status };
  return (
    <div className="space-y-8">
      {isAdmin && <AdminHome presence={presence} />}
      <MyHome isAdmin={isAdmin} presence={presence} />
    </div>
  );
}
