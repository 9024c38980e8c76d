/** REST handlers acting on a channel in Stasis: answer, ring, hold, mute, MOH, variables, media. */
import { emitChannelEvent, requireStasisChannel, setChannelState } from "./channels";
import { AriHttpError } from "./http-error";
import { startPlayback } from "./media";
import { writeToneDetect } from "./tone-detect";
import { startRecording } from "./recordings";
import { created, intParam, listParam, ok, type RestHandler, type RestRequest } from "./rest-types";
import { playbackJson, recordingJson } from "./views";

const stasisChannel = ({ core, params }: RestRequest) => requireStasisChannel(core, params.channelId ?? "");

const directions = (d: string | undefined): ("in" | "out")[] => (d === "in" ? ["in"] : d === "out" ? ["out"] : ["in", "out"]);

const play = (req: RestRequest, playbackId: string | undefined) => {
  const ch = stasisChannel(req);
  // Asterisk deactivates a channel's generator (music on hold) when a file stream starts on
  // it, and does not restart it afterwards.
  delete ch.mohClass;
  const pb = startPlayback(req.core, `channel:${ch.id}`, listParam(req.query.media), {
    ...(playbackId !== undefined ? { id: playbackId } : {}),
    ...(req.query.lang !== undefined ? { lang: req.query.lang } : {}),
  });
  return created(playbackJson(pb));
};

export const CHANNEL_CONTROL_HANDLERS: Readonly<Record<string, RestHandler>> = {
  "POST /channels/{channelId}/answer": (req) => {
    const ch = stasisChannel(req);
    // An outgoing leg is answered by the far end, not by the app.
    if (ch.dial) throw new AriHttpError(412, "Channel in invalid state");
    ch.isRingIndicated = false;
    setChannelState(req.core, ch, "Up");
  },
  "POST /channels/{channelId}/ring": (req) => {
    const ch = stasisChannel(req);
    ch.isRingIndicated = true;
    ch.lastActivityAt = Date.now();
  },
  "DELETE /channels/{channelId}/ring": (req) => {
    const ch = stasisChannel(req);
    ch.isRingIndicated = false;
    ch.lastActivityAt = Date.now();
  },
  "POST /channels/{channelId}/hold": (req) => {
    const ch = stasisChannel(req);
    ch.isHeld = true;
    emitChannelEvent(req.core, ch, "ChannelHold");
  },
  "DELETE /channels/{channelId}/hold": (req) => {
    const ch = stasisChannel(req);
    ch.isHeld = false;
    emitChannelEvent(req.core, ch, "ChannelUnhold");
  },
  "POST /channels/{channelId}/mute": (req) => {
    const ch = stasisChannel(req);
    for (const d of directions(req.query.direction)) ch.mutes.add(d);
  },
  "DELETE /channels/{channelId}/mute": (req) => {
    const ch = stasisChannel(req);
    for (const d of directions(req.query.direction)) ch.mutes.delete(d);
  },
  "POST /channels/{channelId}/moh": (req) => {
    const ch = stasisChannel(req);
    ch.mohClass = req.query.mohClass ?? "default";
    ch.lastActivityAt = Date.now();
  },
  "DELETE /channels/{channelId}/moh": (req) => {
    const ch = stasisChannel(req);
    delete ch.mohClass;
    ch.lastActivityAt = Date.now();
  },
  "GET /channels/{channelId}/variable": (req) => {
    const ch = stasisChannel(req);
    const value = ch.vars.get(req.query.variable ?? "");
    if (value === undefined) throw new AriHttpError(404, "Provided variable was not found");
    return ok({ value });
  },
  "POST /channels/{channelId}/variable": (req) => {
    const ch = stasisChannel(req);
    const variable = req.query.variable ?? "";
    const value = req.query.value ?? "";
    // A dialplan function, not a variable: Asterisk runs it and stores nothing.
    if (!writeToneDetect(ch, variable)) ch.vars.set(variable, value);
    emitChannelEvent(req.core, ch, "ChannelVarset", { variable, value });
  },
  "POST /channels/{channelId}/play": (req) => play(req, req.query.playbackId),
  "POST /channels/{channelId}/play/{playbackId}": (req) => play(req, req.params.playbackId),
  "POST /channels/{channelId}/record": (req) => {
    const ch = stasisChannel(req);
    if (ch.bridgeId) throw new AriHttpError(409, "Channel is currently bridged; record the bridge instead");
    const rec = startRecording(req.core, `channel:${ch.id}`, {
      name: req.query.name ?? "",
      format: req.query.format ?? "",
      ...(req.query.maxDurationSeconds !== undefined ? { maxDurationSeconds: intParam(req.query.maxDurationSeconds) ?? 0 } : {}),
      ...(req.query.ifExists !== undefined ? { ifExists: req.query.ifExists } : {}),
      ...(req.query.terminateOn !== undefined ? { terminateOn: req.query.terminateOn } : {}),
    });
    return created(recordingJson(rec));
  },
};
