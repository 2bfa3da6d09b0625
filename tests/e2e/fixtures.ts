import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';

/** A running browser host over its own fresh data folder. */
export interface HostedApp {
  url: string;
  dataDir: string;
  dbFile: string;
  /** Stops the host early (the window then has no application to talk to). */
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');

async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // RC_STATIC_DIR lets parallel work build the UI into a folder of its own.
  const staticArgs = process.env.RC_STATIC_DIR ? ['--static', process.env.RC_STATIC_DIR] : [];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/host/cli.ts'), '--data-dir', dataDir, ...staticArgs],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('URL ')) {
        clearTimeout(timer);
        resolve(line.slice(4));
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: HostedApp }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-e2e-'));
    const { child, url } = await startHost(dataDir);
    const exited = new Promise((r) => child.once('exit', r));
    const stop = async () => {
      child.kill('SIGTERM');
      await exited;
    };
    await use({ url, dataDir, dbFile: path.join(dataDir, 'resource-center.sqlite'), stop });
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Opens the app and answers the first-run question. */
export async function openApp(page: Page, app: HostedApp, mode: 'empty' | 'demo' = 'empty'): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: mode === 'empty' ? 'Начать с пустой базы' : 'Открыть демонстрационные данные' }).click();
  // Choosing the demo builds every register's demo records before the first screen: give it longer than
  // a click's wait, so a loaded machine does not fail a test at its first step.
  await expect(page.getByRole('navigation', { name: 'Разделы' })).toBeVisible({ timeout: 30_000 });
}

/**
 * The same API the UI calls, for filling in what a test does not spend its steps on (another
 * register's records): through the browser host with the page's token.
 */
export function apiOf(request: APIRequestContext, app: HostedApp) {
  const url = new URL(app.url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(url.hash)![1]!);
  return async <T = { id: number }>(name: string, input: unknown): Promise<T> => {
    const response = await request.post(`${url.origin}/api/call/${name}`, { headers: { 'x-rc-token': token }, data: input });
    const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
    return result.value;
  };
}

/** A form of work's id by its text, from the list «Формы работы» (the first values of a new database). */
export async function planFormId(call: ReturnType<typeof apiOf>, value: string): Promise<number> {
  const list = await call<{ values: { id: number; value: string }[] }>('lists.get', { list: 'planForms' });
  const found = list.values.find((v) => v.value === value);
  if (!found) throw new Error(`No form «${value}» in the list`);
  return found.id;
}

/** The calls the page makes, by name in order, read from its requests to the host. */
export function recordCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (request) => {
    const match = /\/api\/call\/([^/?#]+)/.exec(request.url());
    if (match) calls.push(decodeURIComponent(match[1]!));
  });
  return {
    /** A mark to count from. */
    mark: () => calls.length,
    since: (mark: number) => calls.slice(mark),
  };
}

/**
 * No notification lies over anything one can press or type into: the buttons, links and fields
 * of the page and of an open dialog, compared by the part of their boxes one sees (an entry
 * scrolled out of its column is not under the notice, it is out of sight).
 */
export async function expectNotificationsCoverNoAction(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root').first()).toBeVisible();
  const covered = await page.evaluate(() => {
    const notes = [...document.querySelectorAll('.mantine-Notification-root')].map((n) => n.getBoundingClientRect());
    const actions = [
      ...document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=hidden]), textarea, [role=combobox], [role=tab]'),
    ].filter((el) => !el.closest('.mantine-Notifications-root, .mantine-Notification-root') && el.getClientRects().length > 0);
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const seen = (el: Element): DOMRect | null => {
      let r = el.getBoundingClientRect();
      for (let at = el.parentElement; at; at = at.parentElement) {
        if (getComputedStyle(at).overflow === 'visible') continue;
        const c = at.getBoundingClientRect();
        const left = Math.max(r.left, c.left);
        const top = Math.max(r.top, c.top);
        const right = Math.min(r.right, c.right);
        const bottom = Math.min(r.bottom, c.bottom);
        if (right <= left || bottom <= top) return null;
        r = new DOMRect(left, top, right - left, bottom - top);
      }
      return r;
    };
    return actions
      .filter((el) => {
        const r = seen(el);
        return r !== null && notes.some((n) => overlaps(n, r));
      })
      .map((el) => el.getAttribute('aria-label') ?? (el.textContent?.trim() || el.tagName));
  });
  expect(covered, 'actions under a notification').toEqual([]);
}

/**
 * Opens a form dialog with the control that opens it, and returns the dialog once it has opened:
 * its first field has the focus, which the dialog's focus trap gives it when the opening
 * transition ends. A click before that aims at a button still moving into place and may land
 * beside it, on the dialog's body or its overlay (which asks «Закрыть без сохранения?»).
 */
export async function openDialog(opener: Locator): Promise<Locator> {
  await opener.click();
  const dialog = opener.page().getByRole('dialog');
  await expect(dialog.locator('[data-autofocus]')).toBeFocused();
  return dialog;
}

/**
 * Chooses an entry of a list row's menu: the row's «…» button is named «Действия: <row>» (a
 * RegExp matches the first such button), the entry by what it does.
 */
export async function rowAction(page: Page, row: string | RegExp, action: string, within?: Locator): Promise<void> {
  const name = typeof row === 'string' ? `Действия: ${row}` : row;
  await (within ?? page)
    .getByRole('button', { name, exact: typeof row === 'string' })
    .first()
    .click();
  await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

/** Picks an option of a searchable picker by typing; a multi-select's list is closed after, or it would cover the buttons below. */
export async function pick(page: Page, scope: Locator, label: string, typed: string, option: RegExp, multi = false) {
  const box = scope.getByRole('combobox', { name: label }).first();
  await box.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  if (multi) await box.press('Escape');
}

/** Types a date into a date field and leaves it, as a user does (the field then shows it as ДД.ММ.ГГГГ). */
export async function fillDate(scope: Locator, label: string, value: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Tab');
}

/** How many rows each table has, read from the app's database file itself (what a refused change must leave as it was). */
export function countRows(app: HostedApp, tables: string[]): Record<string, number> {
  const db = new Database(app.dbFile, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

export { expect };
