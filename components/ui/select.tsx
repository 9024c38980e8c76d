import type { ComponentProps } from "react";
import { CONTROL_CLASSES } from "./input";

export type SelectOption = { value: string; label: string };

type SelectProps = ComponentProps<"select"> & { options: readonly SelectOption[] };

export function Select({ options, className = "", ...rest }: SelectProps) {
  return (
    <select className={`${CONTROL_CLASSES} h-10 pr-8 ${className}`} {...rest}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
