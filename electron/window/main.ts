import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { exportCommand } from '@main/cli/exportCommand';
import { DatabaseOpenError } from '@db/open';
import { createApp, type App } from '@main/api/app';
import type { FileKind } from '@shared/contract/files';
import { installSessionGuards, installWebContentsGuards } from './guards';
import { registerInvokeHandler } from './ipc';
import { menuTemplate } from './menu';
import { APP_START_URL } from './origin';
import { runtimePaths } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { buildWindowOptions, WINDOW_TITLE } from './window';
import { printWithShell, type PrintableWindow } from './printFile';
import path from 'node:path';

/**
 * The Electron main process: composes the tested pieces around the real Electron module.
 * Bundled by electron/launcher/bundle.ts into dist/electron/main.cjs (CommonJS, so
 * `require` and `__dirname` are those of the bundle).
 */

export const APP_USER_MODEL_ID = 'ru.resource-center.desktop';

// Both only take effect before 'ready': the app:// scheme's privileges, and Chromium's sandbox
// for every renderer the app could ever create, whatever a window's own options say.
registerAppScheme(protocol);
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let opened: App | undefined;

function fail(message: string): void {
  dialog.showErrorBox(WINDOW_TITLE, message);
  app.exit(1);
}

function startupMessage(error: unknown): string {
  if (error instanceof DatabaseOpenError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Не удалось открыть базу данных приложения.\n\n${detail}`;
}

function currentPaths() {
  return runtimePaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron ?? '',
    mainDir: __dirname,
  });
}

async function start(): Promise<void> {
  const paths = currentPaths();
  if (!existsSync(paths.nativeBinding)) {
    // Node's build in node_modules would fail with an unreadable ABI error; say what is missing instead.
    fail(
      `Не найден модуль SQLite для этой версии Electron: ${paths.nativeBinding}.\n\nЗапустите приложение командой «npm start» (она его подготовит) или переустановите программу.`,
    );
    return;
  }

  try {
    opened = createApp({
      dataDir: app.getPath('userData'),
      nativeBinding: paths.nativeBinding,
      migrationsFolder: paths.migrationsFolder,
      chooseFile: chooseFileInDialog,
      printToPdf: (route) => printToPdfInWindow(route, paths.preload),
      printFile: (request) => printWithShell(electronPrintShell, request, path.join(app.getPath('userData'), 'tmp')),
    });
  } catch (error) {
    fail(startupMessage(error));
    return;
  }

  installSessionGuards(session.defaultSession);
  serveRenderer(protocol, paths.renderer);
  registerInvokeHandler(ipcMain, opened.dispatch);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));

  const window = new BrowserWindow(buildWindowOptions(paths.preload, { devTools: !app.isPackaged, icon: paths.icon }));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_START_URL);
}

/** The kinds of file an attachment may be, as the «Открыть» dialog offers them. */
const FILE_FILTERS: Record<FileKind, Electron.FileFilter[]> = {
  image: [{ name: 'Изображения', extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp'] }],
  document: [{ name: 'Документы', extensions: ['pdf', 'docx', 'xlsx', 'pptx'] }],
  any: [{ name: 'Все файлы', extensions: ['*'] }],
};

/** Attachments are chosen here, in the main process: the page never handles a path or the file's bytes. */
async function chooseFileInDialog(kind: FileKind): Promise<string | undefined> {
  const options: Electron.OpenDialogOptions = { title: 'Выберите файл', properties: ['openFile'], filters: FILE_FILTERS[kind] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

/**
 * A print view as PDF: a hidden window of the same options (sandbox, CSP, preload) on the view's
 * route, waited on until its document is laid out, then Chromium's printToPDF with the page size
 * the view's CSS states. Typechecked only: Electron does not run on the machines that build it.
 */
async function printToPdfInWindow(route: string, preload: string): Promise<Buffer> {
  const hidden = new BrowserWindow({ ...buildWindowOptions(preload, { devTools: false }), show: false });
  try {
    await hidden.loadURL(`${APP_START_URL}#${route}`);
    const ready = `document.fonts.ready.then(() => !!document.querySelector('article.doc-print') && [...document.images].every((i) => i.complete))`;
    for (let waited = 0; !(await hidden.webContents.executeJavaScript(ready)); waited += 100) {
      if (waited > 20_000) throw new Error('Документ для PDF не построился за 20 секунд');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await hidden.webContents.printToPDF({ landscape: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    hidden.destroy();
  }
}

/**
 * The real Electron behind electron/window/printFile.ts: a hidden sandboxed window without a
 * preload for the PDF, webContents.print with the dialog, shell.openPath for a DOCX.
 * Typechecked only: Electron does not run on the machines that build it.
 */
const electronPrintShell = {
  hiddenWindow(): PrintableWindow {
    const hidden = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    return {
      load: (url) => hidden.loadURL(url),
      print: (options) =>
        new Promise((resolve) => hidden.webContents.print(options, (success, failureReason) => resolve({ success, failureReason }))),
      destroy: () => hidden.destroy(),
    };
  },
  openPath: (file: string) => shell.openPath(file),
};

/**
 * `«Ресурсный центр».exe export --to FOLDER [--kinds …] [--year …]` for Windows Task Scheduler:
 * the export code path of the UI, without a window; the exit code is what the scheduler
 * records. Runs beside an open window too, as SQLite's WAL allows a second connection.
 */
async function runExportCommand(args: string[]): Promise<void> {
  const paths = currentPaths();
  const withDataDir = args.includes('--data-dir') ? args : [...args, '--data-dir', app.getPath('userData')];
  const result = await exportCommand(withDataDir, { nativeBinding: paths.nativeBinding, migrationsFolder: paths.migrationsFolder });
  (result.code === 0 ? process.stdout : process.stderr).write(`${result.line}\n`);
  app.exit(result.code);
}

// Packaged: argv = [exe, ...args]; from source: [electron, appPath, ...args].
const commandLine = process.argv.slice(app.isPackaged ? 1 : 2);

if (commandLine[0] === 'export') {
  void runExportCommand(commandLine).catch((error: unknown) => {
    process.stderr.write(`Выгрузка не выполнена: ${error instanceof Error ? error.message : String(error)}\n`);
    app.exit(1);
  });
} else if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file from two windows would confuse the user; the first instance is focused instead.
  app.quit();
} else {
  app.setAppUserModelId(APP_USER_MODEL_ID);

  // Every web contents, including any created later, gets the navigation and window guards.
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, { openExternal: (url) => shell.openExternal(url) });
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => opened?.close());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(`Приложение не запустилось.\n\n${error instanceof Error ? error.message : String(error)}`));
}
