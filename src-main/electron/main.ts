import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { createBackend, type Backend } from '../backend/createBackend';
import { createLogger } from '../core/logger';
import { AUTO_ANALYTICS_DELAY_MS } from '../insights/service';
import { databaseFileIn } from '../paths/dataDir';
import { DesktopShell, type WindowPort } from '../shell/desktopShell';
import { bindIpc } from './ipc';
import { electronNotifier, electronSystem, electronTray } from './shell';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, quickCaptureOpener, type PageSource } from './window';

const bundleDir = dirname(fileURLToPath(import.meta.url));

/** Data folder: --data-dir or SOLOCRM_DATA_DIR when given, else Electron's userData (the same default the CLI uses). */
function dataDirFromArgs(): string {
  const flagIndex = process.argv.indexOf('--data-dir');
  const flag = flagIndex >= 0 ? process.argv[flagIndex + 1] : undefined;
  return flag ?? process.env.SOLOCRM_DATA_DIR ?? app.getPath('userData');
}

export function startDesktopApp(): void {
  // Two instances would both migrate and write the same file: the second one hands over and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  const logger = createLogger();
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  let backend: Backend | undefined;
  let window: BrowserWindow | undefined;
  let shell: DesktopShell | undefined;
  const pageSource: PageSource = { preloadDir: join(bundleDir, '..', 'preload'), devServerUrl };
  const openQuickCapture = quickCaptureOpener(pageSource);

  const windowPort: WindowPort = {
    show: () => {
      if (!window || window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    open: (hash) => {
      windowPort.show();
      // A constant-shaped string (`#/customers/12`), never user text.
      void window?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
    },
    openQuickCapture,
    quit: () => app.quit(),
    isFocused: () => Boolean(window && !window.isDestroyed() && window.isVisible() && window.isFocused()),
  };

  app.on('second-instance', () => windowPort.show());

  app.whenReady().then(
    () => {
      const resources = app.isPackaged ? process.resourcesPath : join(bundleDir, '..', '..');
      try {
        backend = createBackend({
          dbFile: databaseFileIn(dataDirFromArgs()),
          migrationsDir: join(resources, 'migrations'),
          workerFile: join(bundleDir, 'worker.js'),
          version: app.getVersion(),
          door: 'electron',
          logger,
          analyticsAutoRunMs: AUTO_ANALYTICS_DELAY_MS,
          reminders: true,
        });
      } catch (error) {
        // Never fall back to a fresh database: the owner's file stays where it is, untouched.
        dialog.showErrorBox('SoloCRM cannot open its data', (error as Error).message);
        app.exit(1);
        return;
      }
      serveRenderer(join(bundleDir, '..', 'renderer'));
      window = createMainWindow(pageSource, process.argv.includes('--hidden'));
      bindIpc(backend, devServerUrl);
      shell = new DesktopShell(
        backend,
        {
          tray: electronTray(() => windowPort.show()),
          notifier: electronNotifier,
          window: windowPort,
          system: electronSystem,
        },
        logger,
      );
      void shell.start();
      // Closing the window keeps SoloCRM in the tray (Settings) so reminders keep coming.
      window.on('close', (event) => {
        if (shell?.hidesOnClose()) {
          event.preventDefault();
          window?.hide();
        }
      });
      // A laptop waking up has missed its timers: look for due reminders at once.
      const check = () => backend?.checkReminders();
      powerMonitor.on('resume', check);
      powerMonitor.on('unlock-screen', check);
    },
    (error: unknown) => logger.error('startup failed', error),
  );

  app.on('before-quit', () => shell?.markQuitting());
  app.on('window-all-closed', () => app.quit());
  // Every commit is durable on its own; closing here only releases the file (quit events are not guaranteed on Windows shutdown).
  app.on('will-quit', () => backend?.close());
}
