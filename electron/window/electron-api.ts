/**
 * The part of Electron's API this shell uses, described structurally.
 *
 * Why not `import ... from 'electron'`: the `electron` package (and with it its type
 * declarations) is an optional dependency whose install fails where its binary cannot be
 * downloaded, yet the project must typecheck and test there. So the shell's modules take
 * these narrow shapes as parameters (tests pass fakes), and only `main.ts` / `preload.ts`
 * obtain the real module with `require('electron')`. Electron's own objects satisfy these
 * shapes (checked against electron@41.7.1's electron.d.ts).
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenDetails {
  url: string;
}

export interface GuardedWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(
    event: 'select-bluetooth-device',
    listener: (event: PreventableEvent, devices: unknown[], callback: (deviceId: string) => void) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
}

export interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (details: HeadersDetails, callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void) => void,
    ): void;
  };
}

export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

export interface InvokeRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface CustomScheme {
  scheme: string;
  privileges: {
    standard?: boolean;
    secure?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
  };
}

export interface AppProtocol {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface WebPreferencesShape {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webviewTag: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  experimentalFeatures: boolean;
  navigateOnDragDrop: boolean;
  safeDialogs: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface WindowOptionsShape {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  icon?: string;
  webPreferences: WebPreferencesShape;
}

export interface AppWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface MenuItemTemplate {
  label?: string;
  role?:
    'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'reload';
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItemTemplate[];
}

export interface ElectronMain {
  app: {
    requestSingleInstanceLock(): boolean;
    setAppUserModelId(id: string): void;
    getPath(name: 'userData'): string;
    getAppPath(): string;
    readonly isPackaged: boolean;
    whenReady(): Promise<void>;
    quit(): void;
    exit(code?: number): void;
    on(event: 'second-instance', listener: () => void): unknown;
    on(event: 'window-all-closed', listener: () => void): unknown;
    on(event: 'will-quit', listener: () => void): unknown;
    on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedWebContents) => void): unknown;
  };
  BrowserWindow: new (options: WindowOptionsShape) => AppWindow;
  dialog: { showErrorBox(title: string, content: string): void };
  ipcMain: InvokeRegistry;
  protocol: AppProtocol;
  session: { defaultSession: GuardedSession };
  shell: { openExternal(url: string): Promise<void> };
  Menu: {
    buildFromTemplate(template: MenuItemTemplate[]): object;
    setApplicationMenu(menu: object | null): void;
  };
}

export interface ElectronPreload {
  contextBridge: { exposeInMainWorld(apiKey: string, api: unknown): void };
  ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
}
