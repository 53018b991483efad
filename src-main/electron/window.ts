import { join } from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { APP_ORIGIN, isOwnPage } from './pageOrigin';

/** Only links a person clicked in their notes may leave the app, and only to the web or mail. */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** `hidden`: started at login, SoloCRM waits in the tray until the owner opens it. */
export function createMainWindow(
  preloadDir: string,
  devServerUrl: string | undefined,
  hidden = false,
): BrowserWindow {
  // Reminders go through the main process; the page needs no camera, location or notifications.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
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
  if (!hidden) window.once('ready-to-show', () => window.show());

  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

function openExternally(url: string): void {
  try {
    if (EXTERNAL_PROTOCOLS.has(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}
