/**
 * Sends a prompt to POST /api/media/prompts with XMLHttpRequest, the one browser API that
 * reports upload progress, so the dialog can show how much has gone and when conversion starts.
 */
export type UploadPhase = { phase: "uploading"; percent: number } | { phase: "converting" };
export type UploadResult = { ok: true } | { ok: false; message: string; field?: "name" | "file" };

export function uploadPrompt(name: string, file: File, onProgress: (p: UploadPhase) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const form = new FormData();
    form.set("name", name);
    form.set("file", file, file.name);
    const xhr = new XMLHttpRequest();
    // The name in the query lets the server refuse a taken name before the file is sent.
    xhr.open("POST", `/api/media/prompts?name=${encodeURIComponent(name)}`);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      onProgress(e.loaded >= e.total ? { phase: "converting" } : { phase: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onProgress({ phase: "converting" });
    xhr.onload = () => {
      if (xhr.status === 201) return resolve({ ok: true });
      resolve({ ok: false, ...describeRefusal(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => resolve({ ok: false, message: "The upload did not reach the server. Check your connection and try again." });
    xhr.send(form);
  });
}

function describeRefusal(status: number, body: string): { message: string; field?: "name" | "file" } {
  let message = "The upload failed.";
  try {
    message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? message;
  } catch {
    if (status === 413) message = "The file is larger than 8 MB, the most a prompt can be.";
  }
  if (status === 401) return { message: "Your session has ended. Sign in again." };
  if (status === 409 || /^Name the prompt|characters/.test(message)) return { message, field: "name" };
  if (status === 400 || status === 413) return { message, field: "file" };
  return { message };
}
