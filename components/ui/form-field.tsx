"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { Input } from "./input";
import { Select, type SelectOption } from "./select";

/** The props a control needs to be tied to its label, hint and error. */
export type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type FormFieldProps = {
  label: string;
  hint?: string;
  error?: string;
  /** Renders the control with the ids and aria attributes it needs. */
  children: (control: ControlProps) => ReactNode;
  className?: string;
};

/** Label, control, hint and error, with the error announced through aria-describedby. */
export function FormField({ label, hint, error, children, className = "" }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<ComponentProps<"input">, "id"> & { label: string; hint?: string; error?: string };

/** An input inside a FormField; spread react-hook-form's register() result onto it. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={className}>
      {(control) => <Input {...input} {...control} />}
    </FormField>
  );
}

type SelectFieldProps = Omit<ComponentProps<"select">, "id"> & {
  label: string;
  hint?: string;
  error?: string;
  options: readonly SelectOption[];
};

export function SelectField({ label, hint, error, className, ...select }: SelectFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={className}>
      {(control) => <Select {...select} {...control} />}
    </FormField>
  );
}
