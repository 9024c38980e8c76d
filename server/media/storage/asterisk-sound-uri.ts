/**
 * The ARI media URI that plays a stored prompt: `sound:` plus the file's absolute path without
 * its extension. Asterisk reads a `sound:` name that starts with "/" as a full path (and picks
 * the format by extension itself), so prompts stay in the product's own folder on the Asterisk
 * host instead of inside Asterisk's sounds directory; tests/asterisk/prompts.asterisk.test.ts
 * proves it on a real Asterisk. ARI takes several media as a comma-separated list, so a path
 * with a comma (or a space or control character) is refused rather than split.
 */
import path from "node:path";

const SAFE_PATH = /^[A-Za-z0-9/_.-]+$/;

export function asteriskSoundUri(wavFile: string): string {
  if (!path.isAbsolute(wavFile) || path.normalize(wavFile) !== wavFile) throw new Error(`not a normalised absolute path: ${JSON.stringify(wavFile)}`);
  if (!wavFile.endsWith(".wav")) throw new Error(`not a .wav file: ${JSON.stringify(wavFile)}`);
  if (!SAFE_PATH.test(wavFile)) throw new Error(`a path ARI cannot take as one media URI: ${JSON.stringify(wavFile)}`);
  return `sound:${wavFile.slice(0, -".wav".length)}`;
}
