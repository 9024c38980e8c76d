/**
 * res_tonedetect's TONE_DETECT(freq[,duration_ms[,options]]) as the simulator models it: a
 * write arms a detector for `freq` on the channel (a later write replaces it, as the one
 * datastore per channel does in Asterisk), option `x` removes it. Only `playFaxTone`
 * (1100 Hz) reaches a detector; audio is not simulated.
 */
import type { SimChannel } from "./sim-types";

const TONE_DETECT = /^TONE_DETECT\(([^)]*)\)$/;

/** Applies a channel-variable write if it is TONE_DETECT; returns false for ordinary variables. */
export function writeToneDetect(ch: SimChannel, variable: string): boolean {
  const args = TONE_DETECT.exec(variable.trim())?.[1];
  if (args === undefined) return false;
  const [freq = "", , options = ""] = args.split(",").map((a) => a.trim());
  if (options.includes("x")) delete ch.toneDetectHz;
  else if (/^\d+$/.test(freq) && Number(freq) > 0) ch.toneDetectHz = Number(freq);
  return true;
}

/** Whether a tone of `hz` would be detected on the channel now. */
export const isToneDetectArmed = (ch: SimChannel, hz: number): boolean => ch.toneDetectHz === hz;
