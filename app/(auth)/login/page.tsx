import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import { homePathFor } from "@/server/auth/session-user";
import { PhoneIcon } from "@/components/ui/icons";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const user = await getSessionUser();
  if (user) redirect(homePathFor(user.role));
  const { next } = await searchParams;

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gray-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="grid size-12 place-items-center rounded-xl bg-indigo-600 text-white shadow-sm">
            <PhoneIcon className="size-6" />
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-gray-900">Sign in to Centrex</h1>
          <p className="mt-1 text-sm text-gray-600">Manage your company&apos;s phone system.</p>
        </div>
        <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm sm:p-8">
          <LoginForm next={typeof next === "string" ? next : undefined} />
        </div>
        <p className="mt-6 text-center text-xs text-gray-600">Forgot your password? Ask your company&apos;s administrator.</p>
      </div>
    </main>
  );
}
