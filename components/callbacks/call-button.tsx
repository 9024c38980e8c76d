"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CallDialog } from "./call-dialog";

type Props = { number: string; name?: string; size?: "sm" | "md"; variant?: "ghost" | "secondary" };

/** "Call" beside a number: opens the click-to-call dialog for it. The accessible name says whom. */
export function CallButton({ number, name, size = "sm", variant = "ghost" }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setIsOpen(true)} aria-label={`Call ${name ? `${name} on ` : ""}${number}`}>
        Call
      </Button>
      <CallDialog open={isOpen} onClose={() => setIsOpen(false)} number={number} name={name} />
    </>
  );
}
