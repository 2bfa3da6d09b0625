import { Readable } from 'node:stream';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Result } from '@shared/contract/define';
import type { UploadMeta } from '@shared/contract/files';
import { SerializedResult, type HostOptions, type RunningHost } from './server';

/**
 * What the browser host's two threads say to each other (electron/host/serverThread.ts serves the
 * page and the calls' HTTP; the main thread runs the application, run.ts). A file's bytes (an
 * upload, a stored file read back) cross one chunk at a time, each asked for by the side reading
 * them: a 50 MB PDF never waits whole in the other thread's memory.
 */
export type ToMain =
  | { type: 'listening'; url: string; openUrl: string; port: number; token: string }
  | { type: 'closed' }
  | { type: 'sent'; urlPath: string }
  | { type: 'call'; id: number; name: string; payload: unknown }
  | { type: 'upload'; id: number; meta: UploadMeta }
  | { type: 'download'; id: number; hash: string }
  | StreamMessage;

export type ToServer =
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'answer'; id: number; json: string }
  | { type: 'opened'; id: number; result: Result<{ size: number }> }
  | { type: 'close' }
  | StreamMessage;

/** One chunk asked for (`more`), given (`chunk`), the end, the stream's failure, or the reader gone (`stop`), of stream `id`. */
export type StreamMessage =
  | { type: 'more'; id: number }
  | { type: 'stop'; id: number }
  | { type: 'chunk'; id: number; chunk: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'fail'; id: number };

export interface HostThreadStart {
  staticDir?: string;
  port: number;
}

/** The two ends of the byte streams between the threads, on one port. */
export function streamsOver(port: MessagePort | { postMessage(message: unknown): void }) {
  const reading = new Map<number, Readable>();
  const sending = new Map<number, AsyncIterator<Uint8Array>>();
  return {
    /** The stream `id` the other side sends, read here. */
    receive(id: number): Readable {
      const stream = new Readable({
        read: () => port.postMessage({ type: 'more', id } satisfies StreamMessage),
        destroy: (error, done) => {
          // Read to its end, or given up (a download the browser broke off): the sender closes its file.
          if (reading.delete(id)) port.postMessage({ type: 'stop', id } satisfies StreamMessage);
          done(error);
        },
      });
      reading.set(id, stream);
      return stream;
    },
    /** Sends `stream` as stream `id`, a chunk each time the other side asks. */
    send(id: number, stream: Readable): void {
      sending.set(id, stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>);
    },
    /** No longer sends stream `id` (the call it belonged to is answered), closing its source. */
    stop(id: number): void {
      void sending.get(id)?.return?.();
      sending.delete(id);
    },
    /** Handles a stream message; false for any other. */
    handle(message: { type: string; id?: number }): boolean {
      const m = message as StreamMessage;
      if (m.type === 'stop') {
        void sending.get(m.id)?.return?.();
        sending.delete(m.id);
        return true;
      }
      if (m.type === 'more') {
        const source = sending.get(m.id);
        if (source)
          source.next().then(
            (next) => {
              if (next.done) {
                sending.delete(m.id);
                port.postMessage({ type: 'end', id: m.id } satisfies StreamMessage);
              } else port.postMessage({ type: 'chunk', id: m.id, chunk: next.value } satisfies StreamMessage);
            },
            () => {
              sending.delete(m.id);
              port.postMessage({ type: 'fail', id: m.id } satisfies StreamMessage);
            },
          );
        return true;
      }
      if (m.type === 'chunk' || m.type === 'end' || m.type === 'fail') {
        const target = reading.get(m.id);
        if (m.type === 'chunk') target?.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
        else if (m.type === 'end') {
          reading.delete(m.id);
          target?.push(null);
        } else target?.destroy(new Error('Передача файла прервана'));
        return true;
      }
      return false;
    },
  };
}

/**
 * The main thread's side: starts the server thread (`file`, the bundle's host-server.mjs) and answers
 * its calls, uploads and stored files with `options`. Resolves once the server listens.
 */
export function startHostThread(file: string, options: Omit<HostOptions, 'token'>): Promise<RunningHost> {
  const worker = new Worker(file, {
    workerData: { port: options.port ?? 0, ...(options.staticDir ? { staticDir: options.staticDir } : {}) } satisfies HostThreadStart,
  });
  const post = (message: ToServer) => worker.postMessage(message);
  const streams = streamsOver(worker);
  let closed: (() => void) | undefined;
  return new Promise<RunningHost>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: ToMain) => {
      if (streams.handle(message)) return;
      switch (message.type) {
        case 'listening': {
          const { url, openUrl, port, token } = message;
          resolve({
            url,
            openUrl,
            port,
            token,
            close: () =>
              new Promise<void>((done) => {
                closed = done;
                post({ type: 'close' });
              }).then(() => worker.terminate().then(() => undefined)),
          });
          return;
        }
        case 'closed':
          closed?.();
          return;
        case 'sent':
          options.onStaticSent?.(message.urlPath);
          return;
        case 'call':
          void options.dispatch(message.name, message.payload).then(
            (result) =>
              post({ type: 'answer', id: message.id, json: result instanceof SerializedResult ? result.json : JSON.stringify(result) }),
            (error: unknown) => {
              // As the one-thread server answers a bug of the host itself.
              console.error('Browser host request failed', error);
              post({ type: 'answer', id: message.id, json: JSON.stringify(INTERNAL) });
            },
          );
          return;
        case 'upload': {
          const body = streams.receive(message.id);
          const answer = options.upload ? options.upload(message.meta, body) : Promise.resolve(NO_UPLOADS);
          void answer.then((result) => {
            body.destroy();
            post({ type: 'reply', id: message.id, result });
          });
          return;
        }
        case 'download':
          void Promise.resolve(options.download ? options.download(message.hash) : NO_FILES).then((opened) => {
            if (opened.ok) streams.send(message.id, opened.value.stream);
            post({ type: 'opened', id: message.id, result: opened.ok ? { ok: true, value: { size: opened.value.size } } : opened });
          });
          return;
      }
    });
  });
}

const INTERNAL: Result<never> = { ok: false, error: { code: 'internal', message: 'Внутренняя ошибка приложения' } };
const NO_UPLOADS: Result<never> = { ok: false, error: { code: 'not_found', message: 'Загрузка файлов не поддерживается' } };
const NO_FILES: Result<never> = { ok: false, error: { code: 'not_found', message: 'Файлы не выдаются' } };
