import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center bg-gray-50 px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-gray-900">Page not found</h1>
        <p className="mt-2 text-sm text-gray-600">The page you asked for does not exist, or you cannot see it.</p>
        <Link href="/" className={buttonClasses({ className: "mt-6" })}>
          Go to the start page
        </Link>
      </div>
    </main>
  );
}
