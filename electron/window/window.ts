import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const WINDOW_TITLE = 'Ресурсный центр';

/** Electron's own options type, with the preferences always stated (never left to defaults). */
export type WindowOptions = BrowserWindowConstructorOptions & { webPreferences: WebPreferences };

export interface WindowChoices {
  /** Developer tools only in an unpackaged (development) run. */
  devTools?: boolean;
  icon?: string;
}

/**
 * The options of the one application window. The renderer gets no Node and no Electron API:
 * it runs isolated in Chromium's sandbox and talks to the main process only through the
 * preload's single `invoke` function.
 */
export function buildWindowOptions(preloadPath: string, choices: WindowChoices = {}): WindowOptions {
  return {
    title: WINDOW_TITLE,
    // Fits a 1366×768 office laptop with the taskbar; tables need the width.
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(choices.icon ? { icon: choices.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker would download dictionaries from Google.
      spellcheck: false,
      devTools: choices.devTools ?? false,
    },
  };
}
