import { parentPort, workerData } from 'node:worker_threads';
import type { Result } from '@shared/contract/define';
import type { StoredFile } from '@shared/contract/files';
import { SerializedResult, startHost } from './server';
import { streamsOver, type HostThreadStart, type ToMain, type ToServer } from './thread';

/**
 * The browser host's server in a thread of its own (started by run.ts in the bundle): the same
 * server, guards and page as in one thread, with the calls, uploads and stored files answered by the
 * main thread. The main thread evaluates the application's modules in one block of 250–700 ms; here
 * the page's index.html and its 23 scripts are sent meanwhile, so the browser compiles them on the
 * other core instead of waiting for that block (tests/bench/end-to-end.md, start).
 */

const port = parentPort!;
const start = workerData as HostThreadStart;
const post = (message: ToMain) => port.postMessage(message);
const streams = streamsOver(port);
const waiting = new Map<number, (message: ToServer) => void>();
let nextId = 0;

function ask(message: ToMain & { id: number }): Promise<ToServer> {
  return new Promise((resolve) => {
    waiting.set(message.id, resolve);
    post(message);
  });
}

const host = await startHost({
  ...(start.staticDir ? { staticDir: start.staticDir, onStaticSent: (urlPath) => post({ type: 'sent', urlPath }) } : {}),
  port: start.port,
  dispatch: async (name, payload) => {
    const reply = await ask({ type: 'call', id: nextId++, name, payload });
    return new SerializedResult((reply as Extract<ToServer, { type: 'answer' }>).json);
  },
  upload: async (meta, body) => {
    const id = nextId++;
    streams.send(id, body);
    const reply = await ask({ type: 'upload', id, meta });
    streams.stop(id);
    return (reply as Extract<ToServer, { type: 'reply' }>).result as Result<StoredFile>;
  },
  download: async (hash) => {
    const id = nextId++;
    const reply = (await ask({ type: 'download', id, hash })) as Extract<ToServer, { type: 'opened' }>;
    if (!reply.result.ok) return reply.result;
    return { ok: true, value: { size: reply.result.value.size, stream: streams.receive(id) }, changed: [] };
  },
});

port.on('message', (message: ToServer) => {
  if (streams.handle(message)) return;
  if (message.type === 'close') {
    void host.close().then(() => post({ type: 'closed' }));
    return;
  }
  const resolve = waiting.get(message.id);
  waiting.delete(message.id);
  resolve?.(message);
});

post({ type: 'listening', url: host.url, openUrl: host.openUrl, port: host.port, token: host.token });
