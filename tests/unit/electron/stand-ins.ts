import { EventEmitter } from 'node:events';
import type {
  BluetoothDevice,
  DownloadItem,
  Event,
  HandlerDetails,
  HeadersReceivedResponse,
  IpcMainInvokeEvent,
  OnHeadersReceivedListenerDetails,
  PermissionRequest,
  Session,
  WebContents,
  WebContentsWillFrameNavigateEventParams,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WebFrameMain,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';

/**
 * Stand-ins for Electron's objects, for tests that run under Node where Electron's binary is
 * absent. Electron's own declarations (node_modules/electron/electron.d.ts) describe hundreds of
 * members per object; a stand-in provides the few the code under test touches, each checked
 * against the real declaration, and the events it emits are built as the real event types. Only
 * the hand-over to the code under test (`as WebContents`) is unchecked.
 */
export function standIn<T>(members: Partial<T>): T {
  return members as T;
}

type NavigationEvent = Event<
  WebContentsWillNavigateEventParams & WebContentsWillRedirectEventParams & WebContentsWillFrameNavigateEventParams
>;

/** The event Electron passes to 'will-navigate', 'will-redirect' and 'will-frame-navigate'. */
export function navigationEvent(url: string, isMainFrame = true): NavigationEvent {
  let prevented = false;
  return {
    url,
    isMainFrame,
    isSameDocument: false,
    frame: null,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

/** A plain Electron event that only records whether it was prevented. */
export function plainEvent(): Event {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

/** What `window.open(url)` or a target=_blank link hands to the window-open handler. */
export function windowOpenDetails(url: string): HandlerDetails {
  return {
    url,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: 'app://renderer/index.html', policy: 'strict-origin-when-cross-origin' },
  };
}

/** A web contents: an EventEmitter plus the window-open hook, emitting Electron's event shapes. */
export class StandInContents extends EventEmitter {
  openHandler?: (details: HandlerDetails) => WindowOpenHandlerResponse;

  setWindowOpenHandler: WebContents['setWindowOpenHandler'] = (handler) => {
    this.openHandler = handler;
  };

  /** Emits a navigation event the way Electron does (the event, then the deprecated url) and tells whether it was prevented. */
  navigate(name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string, isMainFrame = true): boolean {
    const event = navigationEvent(url, isMainFrame);
    this.emit(name, event, url);
    return event.defaultPrevented;
  }

  open(url: string): WindowOpenHandlerResponse | undefined {
    return this.openHandler?.(windowOpenDetails(url));
  }

  attachWebview(): boolean {
    const event = plainEvent();
    const preferences: WebPreferences = { nodeIntegration: true };
    this.emit('will-attach-webview', event, preferences, { src: 'https://evil.example/' });
    return event.defaultPrevented;
  }

  /** navigator.bluetooth.requestDevice: returns whether the listener took over and the device it chose. */
  selectBluetooth(devices: BluetoothDevice[]): { prevented: boolean; chosen: string[] } {
    const event = plainEvent();
    const chosen: string[] = [];
    this.emit('select-bluetooth-device', event, devices, (deviceId: string) => chosen.push(deviceId));
    return { prevented: event.defaultPrevented, chosen };
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DevicePermissionHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type HeadersListener = (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void;
export type Permission = Parameters<PermissionRequestHandler>[1];

/** A session that keeps the handlers the code under test installs, so the test can call them as Chromium would. */
export class StandInSession extends EventEmitter {
  request?: PermissionRequestHandler | null;
  check?: PermissionCheckHandler | null;
  device?: DevicePermissionHandler | null;
  headers?: HeadersListener;

  setPermissionRequestHandler: Session['setPermissionRequestHandler'] = (handler) => {
    this.request = handler;
  };
  setPermissionCheckHandler: Session['setPermissionCheckHandler'] = (handler) => {
    this.check = handler;
  };
  setDevicePermissionHandler: Session['setDevicePermissionHandler'] = (handler) => {
    this.device = handler;
  };
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headers = listener;
    },
  };

  /** Chromium asking for a permission on the app's page: the answers the handler gave. */
  ask(permission: Permission): boolean[] {
    const answers: boolean[] = [];
    const details = standIn<PermissionRequest>({ requestingUrl: 'app://renderer/index.html', isMainFrame: true });
    this.request?.(standIn<WebContents>({}), permission, (granted) => answers.push(granted), details);
    return answers;
  }

  /** A download starting in this session: true when a listener refused it. */
  download(url: string): boolean {
    const event = plainEvent();
    this.emit('will-download', event, standIn<DownloadItem>({ getURL: () => url }), standIn<WebContents>({}));
    return event.defaultPrevented;
  }

  asSession(): Session {
    return this as unknown as Session;
  }
}

/** The event of an `ipcRenderer.invoke` from a frame at `frameUrl` (null: the frame is gone). */
export function invokeEvent(frameUrl: string | null): IpcMainInvokeEvent {
  return standIn<IpcMainInvokeEvent>({ senderFrame: frameUrl === null ? null : standIn<WebFrameMain>({ url: frameUrl }) });
}
