"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useFormat } from "@/components/format/format-provider";
import { PhoneNumberText } from "@/components/format/phone-number-text";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ZSendCodeInput, ZVerifyCodeInput } from "@/server/modules/caller-id/schema";

/** A new code may be asked for this long after the last; the server's own limit is 3 per 10 minutes. */
const RESEND_AFTER_SECONDS = 30;

type Sent = { verificationId: string; number: string; expiresAt: Date };

/** Enter a mobile, get a code by text, type it in: the mobile is then on the caller-ID list. */
export function VerifyMobileDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [sent, setSent] = useState<Sent | null>(null);
  const close = () => {
    setSent(null);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Verify a mobile" description="We text a 6-digit code to the mobile; whoever holds it reads it to you, and it becomes a caller ID your extensions can show.">
      {sent ? <CodeStep sent={sent} onResent={setSent} onDone={close} /> : <NumberStep onSent={setSent} onCancel={close} />}
    </Dialog>
  );
}

function useSendCode(onSent: (sent: Sent) => void, onFieldError?: (err: unknown) => void) {
  const trpc = useTRPC();
  return useMutation(trpc.callerId.sendCode.mutationOptions({ onSuccess: onSent, onError: onFieldError }));
}

function NumberStep({ onSent, onCancel }: { onSent: (sent: Sent) => void; onCancel: () => void }) {
  const form = useForm({ resolver: zodResolver(ZSendCodeInput), defaultValues: { number: "" } });
  const send = useSendCode(onSent, (err) => applyServerFieldErrors(err, form.setError, ["number"]));
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => send.mutate(values))} className="space-y-4">
      <TextField label="Mobile number" type="tel" autoComplete="tel" hint="International format, for example +44 7911 123456" error={errors.number?.message} {...form.register("number")} />
      {send.isError && !errors.number && <p role="alert" className="text-sm text-red-700">{errorMessage(send.error)}</p>}
      <FormDialogFooter onCancel={onCancel} isPending={send.isPending} submitLabel="Send code" />
    </form>
  );
}

function CodeStep({ sent, onResent, onDone }: { sent: Sent; onResent: (sent: Sent) => void; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const format = useFormat();
  const form = useForm({ resolver: zodResolver(ZVerifyCodeInput), defaultValues: { verificationId: sent.verificationId, code: "" } });
  const verify = useMutation(
    trpc.callerId.verifyCode.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.callerId.find.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.extension.formOptions.queryKey() }),
        ]);
        toast({ variant: "success", description: "Mobile verified: choose it as an extension's outbound number." });
        onDone();
      },
      onError: (err) => applyServerFieldErrors(err, form.setError, ["code"]),
    }),
  );
  const resend = useSendCode((next) => {
    form.reset({ verificationId: next.verificationId, code: "" });
    onResent(next);
  });
  const secondsLeft = useCountdown(sent.verificationId, RESEND_AFTER_SECONDS);
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => verify.mutate(values))} className="space-y-4">
      <p className="text-sm text-gray-700">
        Code sent to <PhoneNumberText e164={sent.number} locale={format.locale} />. It works until {format.time(sent.expiresAt)}.
      </p>
      <TextField
        label="6-digit code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="max-w-40"
        error={errors.code?.message}
        {...form.register("code")}
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Button variant="secondary" size="sm" disabled={secondsLeft > 0} isLoading={resend.isPending} onClick={() => resend.mutate({ number: sent.number })}>
          Send a new code
        </Button>
        {secondsLeft > 0 && <span className="text-gray-600">You can ask for a new code in {secondsLeft} s.</span>}
        {resend.isError && <span role="alert" className="text-red-700">{errorMessage(resend.error)}</span>}
      </div>
      <FormDialogFooter onCancel={onDone} isPending={verify.isPending} submitLabel="Verify" />
    </form>
  );
}

/** Seconds left of `seconds`, restarting whenever `key` changes (each new code). */
function useCountdown(key: string, seconds: number): number {
  const [state, setState] = useState({ key, left: seconds });
  if (state.key !== key) setState({ key, left: seconds });
  useEffect(() => {
    const timer = setInterval(() => setState((s) => (s.left > 0 ? { ...s, left: s.left - 1 } : s)), 1000);
    return () => clearInterval(timer);
  }, [key]);
  return state.key === key ? state.left : seconds;
}
