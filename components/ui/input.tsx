import type { ComponentProps } from "react";

export const CONTROL_CLASSES =
  "block w-full rounded-md border border-gray-300 bg-white px-3 text-sm text-gray-900 shadow-sm " +
  "placeholder:text-gray-500 focus:border-indigo-600 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600/30 " +
  "disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-500 " +
  "aria-invalid:border-red-600 aria-invalid:focus:outline-red-600/30";

export function Input({ className = "", ...rest }: ComponentProps<"input">) {
  return <input className={`${CONTROL_CLASSES} h-10 ${className}`} {...rest} />;
}
