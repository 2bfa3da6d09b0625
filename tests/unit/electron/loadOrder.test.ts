import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filesNamedBy, loadOrder } from '@main/host/loadOrder';

/** The shape of vite's index.html: the entry, its module preloads and the style sheet. */
const INDEX = `<!doctype html>
<html lang="ru">
  <head>
    <meta charset="UTF-8" />
    <title>Ресурсный центр</title>
    <script type="module" crossorigin src="./assets/index-7B1z5qWW.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-dom-gWqXm1NC.js">
    <link rel="stylesheet" crossorigin href="./assets/index-D1A1UN9s.css">
    <link rel="icon" href="data:,">
    <link rel="preconnect" href="https://example.org">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('the files index.html asks for by itself', () => {
  it('are its scripts, preloads and style sheets, as the paths the browser requests', () => {
    expect([...filesNamedBy(INDEX)]).toEqual(['/assets/index-7B1z5qWW.js', '/assets/react-dom-gWqXm1NC.js', '/assets/index-D1A1UN9s.css']);
  });

  it('are none for a page without scripts', () => {
    expect(filesNamedBy('<!doctype html><title>Ресурсный центр</title>').size).toBe(0);
  });
});

describe('the browser host loads the application', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
  const named = () => filesNamedBy(INDEX);

  it('once the page has every file index.html names, not before', () => {
    const load = vi.fn();
    const order = loadOrder(named(), load, 800);
    order.sent('/');
    order.sent('/assets/index-7B1z5qWW.js');
    order.sent('/assets/index-D1A1UN9s.css');
    order.sent('/favicon.ico');
    expect(load).not.toHaveBeenCalled();
    order.sent('/assets/react-dom-gWqXm1NC.js');
    expect(load).toHaveBeenCalledTimes(1);
    // A reload of the page sends them again: the application is not loaded twice.
    order.sent('/assets/react-dom-gWqXm1NC.js');
    order.now();
    vi.advanceTimersByTime(1000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('at once when a call needs it, whatever the page still waits for', () => {
    const load = vi.fn();
    const order = loadOrder(named(), load, 800);
    order.now();
    expect(load).toHaveBeenCalledTimes(1);
    for (const file of named()) order.sent(file);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('after the cap when no page comes, so a refused database is still reported', () => {
    const load = vi.fn();
    loadOrder(named(), load, 800);
    vi.advanceTimersByTime(799);
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('at once when there is no page to send first (API only, or the browser opened after the start)', () => {
    const load = vi.fn();
    loadOrder(new Set(), load, 800);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
