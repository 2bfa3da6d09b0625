import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@renderer/api/transport';

afterEach(() => vi.unstubAllGlobals());

describe('a call from the browser page when the host goes away mid-answer', () => {
  it('answers the Russian «no connection» error instead of throwing the browser’s own', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('sessionStorage', { getItem: () => 'token' });
    // The host process is stopped while it sends the answer: the body breaks off.
    const broken = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"ok":tr'));
        controller.error(new TypeError('terminated'));
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(broken, { status: 200, headers: { 'Content-Type': 'application/json' } })));
    await expect(invoke('exchange.settings', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Нет связи с приложением: оно закрыто или перезапущено' },
    });
  });
});
