/**
 * Reading a body (the browser's request, the API's answer, a webhook) with a size cap and a
 * deadline, so neither a huge body nor a slow trickle can hold the proxy's memory or a socket.
 */
import { abortable } from './deadline';

export type BodyRead = { text: string } | { tooLarge: true };

/**
 * The stream's bytes as UTF-8 text, or `tooLarge` as soon as they pass `maxBytes` (the rest is
 * never read). Rejects with the signal's reason when it aborts first; the stream is cancelled
 * either way, so its source stops sending.
 */
export async function readCapped(stream: ReadableStream<Uint8Array> | null, maxBytes: number, signal?: AbortSignal): Promise<BodyRead> {
  if (stream === null) return { text: '' };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await (signal ? abortable(reader.read(), signal) : reader.read());
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) return { tooLarge: true };
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes) };
}
