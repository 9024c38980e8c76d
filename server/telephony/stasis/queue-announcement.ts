/**
 * What a waiting caller hears every `announceEverySec`: their place in line and the expected
 * wait, in Asterisk's own core sounds (the ones app_queue uses, so every Asterisk with the
 * English core sounds has them) and ARI's `number:` media for the figures.
 */

/** "You are now first in line." / "There are <n> calls waiting." (app_queue's wording: n = the caller's place). */
export function positionMedia(position: number): string[] {
  if (position <= 1) return ["sound:queue-youarenext"];
  return ["sound:queue-thereare", `number:${position}`, "sound:queue-callswaiting"];
}

/** "The current estimated hold time is <n> minutes." Under a minute: "... less than 1 minute." */
export function waitMedia(expectedSec: number): string[] {
  if (expectedSec < 60) return ["sound:queue-holdtime", "sound:queue-less-than", "number:1", "sound:queue-minute"];
  const minutes = Math.round(expectedSec / 60);
  return ["sound:queue-holdtime", `number:${minutes}`, `sound:${minutes === 1 ? "queue-minute" : "queue-minutes"}`];
}
