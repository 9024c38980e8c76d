"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { Spinner } from "@/components/ui/spinner";

/**
 * Sends a signed-out visitor to /login?next=<where they were>. A layout cannot read the
 * request path on the server, so the redirect that keeps `next` happens here.
 */
export function SignInRedirect() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();

  useEffect(() => {
    const here = search ? `${pathname}?${search}` : pathname;
    router.replace(here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`);
  }, [router, pathname, search]);

  return (
    <div role="status" className="grid min-h-dvh place-items-center bg-gray-50 text-sm text-gray-700">
      <p className="flex items-center gap-2">
        <Spinner /> Redirecting to sign in…
      </p>
    </div>
  );
}
