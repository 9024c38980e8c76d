/** REST handlers for bridges, playbacks and recordings. */
import { addToBridge, createBridge, destroyBridge, removeFromBridge, requireBridge } from "./bridges";
import { AriHttpError } from "./http-error";
import { finishPlayback, startPlayback } from "./media";
import { finishRecording, startRecording, stopMediaFor } from "./recordings";
import { created, intParam, listParam, ok, type RestHandler, type RestRequest } from "./rest-types";
import { bridgeJson, playbackJson, recordingJson } from "./views";
import { SIM_FILE_RATES, toneWav } from "./wav-tone";

const bridgeOf = ({ core, params }: RestRequest) => requireBridge(core, params.bridgeId ?? "");

/** Channels named in `channel=`: 400 for an unknown one, 422 for one outside Stasis (ARI's codes). */
function channelsOf({ core, query }: RestRequest) {
  return listParam(query.channel).map((id) => {
    const ch = core.channels.get(id);
    if (!ch) throw new AriHttpError(400, "Channel not found");
    if (!ch.stasis) throw new AriHttpError(422, "Channel not in Stasis application");
    return ch;
  });
}

const play = (req: RestRequest, playbackId: string | undefined) => {
  const bridge = bridgeOf(req);
  const pb = startPlayback(req.core, `bridge:${bridge.id}`, listParam(req.query.media), {
    ...(playbackId !== undefined ? { id: playbackId } : {}),
    ...(req.query.lang !== undefined ? { lang: req.query.lang } : {}),
  });
  return created(playbackJson(pb));
};

const create = (req: RestRequest, bridgeId: string | undefined) =>
  ok(bridgeJson(createBridge(req.core, {
    ...(bridgeId !== undefined ? { id: bridgeId } : {}),
    ...(req.query.type !== undefined ? { type: req.query.type } : {}),
    ...(req.query.name !== undefined ? { name: req.query.name } : {}),
  })));

const liveRecording = ({ core, params }: RestRequest) => {
  const rec = core.liveRecordings.get(params.recordingName ?? "");
  if (!rec) throw new AriHttpError(404, "Recording not found");
  return rec;
};

const storedRecording = ({ core, params }: RestRequest) => {
  const rec = core.storedRecordings.get(params.recordingName ?? "");
  if (!rec) throw new AriHttpError(404, "Recording not found");
  return rec;
};

export const BRIDGE_HANDLERS: Readonly<Record<string, RestHandler>> = {
  "GET /bridges": ({ core }) => ok([...core.bridges.values()].map(bridgeJson)),
  "POST /bridges": (req) => create(req, req.query.bridgeId),
  "POST /bridges/{bridgeId}": (req) => create(req, req.params.bridgeId),
  "GET /bridges/{bridgeId}": (req) => ok(bridgeJson(bridgeOf(req))),
  "DELETE /bridges/{bridgeId}": (req) => destroyBridge(req.core, bridgeOf(req), (uri) => stopMediaFor(req.core, uri)),
  "POST /bridges/{bridgeId}/addChannel": (req) => {
    const bridge = bridgeOf(req);
    for (const ch of channelsOf(req)) addToBridge(req.core, bridge, ch);
  },
  "POST /bridges/{bridgeId}/removeChannel": (req) => {
    const bridge = bridgeOf(req);
    const channels = channelsOf(req);
    if (channels.some((ch) => ch.bridgeId !== bridge.id)) throw new AriHttpError(422, "Channel not in this bridge");
    for (const ch of channels) removeFromBridge(req.core, ch);
  },
  "POST /bridges/{bridgeId}/moh": (req) => void (bridgeOf(req).mohClass = req.query.mohClass ?? "default"),
  "DELETE /bridges/{bridgeId}/moh": (req) => void delete bridgeOf(req).mohClass,
  "POST /bridges/{bridgeId}/play": (req) => play(req, req.query.playbackId),
  "POST /bridges/{bridgeId}/play/{playbackId}": (req) => play(req, req.params.playbackId),
  "POST /bridges/{bridgeId}/record": (req) => {
    const bridge = bridgeOf(req);
    const rec = startRecording(req.core, `bridge:${bridge.id}`, {
      name: req.query.name ?? "",
      format: req.query.format ?? "",
      ...(req.query.maxDurationSeconds !== undefined ? { maxDurationSeconds: intParam(req.query.maxDurationSeconds) ?? 0 } : {}),
      ...(req.query.ifExists !== undefined ? { ifExists: req.query.ifExists } : {}),
    });
    return created(recordingJson(rec));
  },
  "GET /playbacks/{playbackId}": ({ core, params }) => {
    const pb = core.playbacks.get(params.playbackId ?? "");
    if (!pb) throw new AriHttpError(404, "Playback not found");
    return ok(playbackJson(pb));
  },
  "DELETE /playbacks/{playbackId}": ({ core, params }) => {
    const pb = core.playbacks.get(params.playbackId ?? "");
    if (!pb) throw new AriHttpError(404, "Playback not found");
    finishPlayback(core, pb, "done");
  },
  "GET /recordings/live/{recordingName}": (req) => ok(recordingJson(liveRecording(req))),
  "POST /recordings/live/{recordingName}/stop": (req) => finishRecording(req.core, liveRecording(req), "done"),
  "DELETE /recordings/live/{recordingName}": (req) => finishRecording(req.core, liveRecording(req), "canceled"),
  "GET /recordings/stored": ({ core }) => ok([...core.storedRecordings.values()].map(({ name, format }) => ({ name, format }))),
  "GET /recordings/stored/{recordingName}": (req) => {
    const { name, format } = storedRecording(req);
    return ok({ name, format });
  },
  "GET /recordings/stored/{recordingName}/file": (req) => {
    const rec = storedRecording(req);
    const rate = SIM_FILE_RATES[rec.format];
    // Asterisk answers 403 when it cannot open the file; the simulator has audio only for wav.
    if (!rate) throw new AriHttpError(403, "The recording file could not be opened");
    return { status: 200, file: { bytes: toneWav(rec.durationMs, rate), contentType: "audio/wav" } };
  },
  "DELETE /recordings/stored/{recordingName}": (req) => void req.core.storedRecordings.delete(storedRecording(req).name),
};
