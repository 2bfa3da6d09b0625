'use strict';
/**
 * Preloaded (`node --require`) into Electron's own installer, node_modules/electron/install.js,
 * by electron/launcher/detect.ts. The installer downloads with the global fetch and no time
 * limit of its own, so on a network that swallows packets `npm start` would wait minutes for
 * nothing. Here every fetch must get its first answer (the response headers) within
 * RC_FIRST_ANSWER_MS; once the answer has come, the download itself runs as long as it needs.
 * Plain JavaScript because it runs in the installer's own Node process, before any TypeScript
 * loader.
 */
const limit = Number(process.env.RC_FIRST_ANSWER_MS) || 15000;
const startedLine = process.env.RC_DOWNLOAD_LINE;
const originalFetch = globalThis.fetch;

globalThis.fetch = async function boundedFetch(input, init = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${limit} ms`)), limit);
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  try {
    const response = await originalFetch(input, { ...init, signal });
    if (response.ok && startedLine) process.stdout.write(`${startedLine}\n`);
    return response;
  } finally {
    clearTimeout(timer);
  }
};
