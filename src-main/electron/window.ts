import { join } from 'node:path';
import { BrowserWindow, session, shell, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, isOwnPage } from './pageOrigin';

/** Only links a person clicked in their notes may leave the app, and only to the web or mail. */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** Where every SoloCRM window loads its page from, and the one preload that gives it the API. */
export interface PageSource {
  preloadDir: string;
  /** The dev server in development; undefined = the app:// bundle. */
  devServerUrl: string | undefined;
}

/** `hidden`: started at login, SoloCRM waits in the tray until the owner opens it. */
export function createMainWindow(source: PageSource, hidden = false): BrowserWindow {
  return createAppWindow(
    source,
    { width: 1280, height: 800, minWidth: 900, minHeight: 600 },
    { hash: '', show: !hidden },
  );
}

/**
 * The small quick-capture window the shortcut and the tray open: on top of whatever the owner is
 * doing, out of the taskbar (it comes and goes), never smaller than its form.
 */
function createQuickCaptureWindow(source: PageSource): BrowserWindow {
  return createAppWindow(
    source,
    {
      width: 420,
      height: 560,
      minWidth: 420,
      minHeight: 560,
      alwaysOnTop: true,
      skipTaskbar: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
    },
    { hash: '#/capture', show: true },
  );
}

/** Opens the quick-capture window, or brings back the one already open: one draft at a time. */
export function quickCaptureOpener(source: PageSource): () => void {
  let current: BrowserWindow | null = null;
  return () => {
    if (current && !current.isDestroyed()) {
      current.show();
      current.focus();
      return;
    }
    const opened = createQuickCaptureWindow(source);
    current = opened;
    opened.on('closed', () => {
      if (current === opened) current = null;
    });
  };
}

/**
 * Every window gets the same locked-down page: isolated, sandboxed, no Node, our preload only, and
 * no way to navigate, redirect or open anything but our own page (links go to the system browser).
 */
function createAppWindow(
  { preloadDir, devServerUrl }: PageSource,
  size: BrowserWindowConstructorOptions,
  { hash, show }: { hash: string; show: boolean },
): BrowserWindow {
  // Reminders go through the main process; the page needs no camera, location or notifications.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    ...size,
    show: false,
    title: 'SoloCRM',
    webPreferences: {
      preload: join(preloadDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  const blockForeignNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isOwnPage(url, devServerUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', blockForeignNavigation);
  window.webContents.on('will-redirect', blockForeignNavigation);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Shown once painted, so the window never flashes white.
  if (show) window.once('ready-to-show', () => window.show());

  void window.loadURL(`${devServerUrl ?? `${APP_ORIGIN}/index.html`}${hash}`);
  return window;
}

function openExternally(url: string): void {
  try {
    if (EXTERNAL_PROTOCOLS.has(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}
