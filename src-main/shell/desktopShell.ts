import type { DueTasks, PushEvent, Settings } from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import type { Logger } from '../core/logger';
import { phrasebook } from '../tasks/phrases';
import { buildTrayModel, notificationsFor, type TrayAction, type TrayModel } from '../tasks/trayMenu';

/**
 * What the desktop does around the window, as plain logic over small ports: the tray reflects
 * the due list, each reminder becomes one system notification (or one summary after a start),
 * tray and notification clicks act through the backend, and closing the window keeps SoloCRM
 * in the tray when the owner wants that. src-main/electron/shell.ts implements the ports with
 * Electron's Tray, Menu and Notification; tests implement them with arrays.
 */

export interface TrayPort {
  show(model: TrayModel, onAction: (action: TrayAction) => void): void;
}

export interface NotificationPayload {
  title: string;
  body: string;
}

export interface NotifierPort {
  notify(payload: NotificationPayload, onClick: () => void): void;
}

export interface WindowPort {
  /** Shows and focuses the main window (creating it again if it was closed to the tray). */
  show(): void;
  /** Shows the window at a page of the app (`#/today`, `#/customers/12`). */
  open(hash: string): void;
  openQuickCapture(): void;
  quit(): void;
  /** The owner is looking at the window: the page shows its own notice, the OS stays quiet. */
  isFocused(): boolean;
}

export interface SystemPort {
  setStartAtLogin(enabled: boolean): void;
  /** Registers the quick-capture shortcut; false when the OS refused it (taken by another app). */
  setShortcut(accelerator: string | null, onPress: () => void): boolean;
}

export interface ShellPorts {
  tray: TrayPort;
  notifier: NotifierPort;
  window: WindowPort;
  system: SystemPort;
}

type ShellBackend = Pick<Backend, 'dispatch' | 'subscribe'>;

export class DesktopShell {
  private settings: Settings | null = null;
  private unsubscribe: (() => void) | null = null;
  private quitting = false;

  constructor(
    private readonly backend: ShellBackend,
    private readonly ports: ShellPorts,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = this.backend.subscribe((event) => void this.onEvent(event));
    await this.applySettings();
    await this.refreshTray();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Whether closing the window should hide it to the tray instead of quitting. */
  hidesOnClose(): boolean {
    return !this.quitting && (this.settings?.keepInTray ?? true);
  }

  /** The owner chose Quit (tray menu, app menu): the next close really closes. */
  markQuitting(): void {
    this.quitting = true;
  }

  async act(action: TrayAction): Promise<void> {
    switch (action.type) {
      case 'openTask':
        this.ports.window.open(action.customerId === null ? '#/today' : `#/customers/${action.customerId}`);
        return;
      case 'complete':
        await this.call('tasks.complete', { id: action.taskId });
        return;
      case 'snooze':
        await this.call('tasks.snooze', { id: action.taskId, preset: action.preset });
        return;
      case 'openToday':
        this.ports.window.open('#/today');
        return;
      case 'quickLog':
        this.ports.window.openQuickCapture();
        return;
      case 'openApp':
        this.ports.window.show();
        return;
      case 'quit':
        this.markQuitting();
        this.ports.window.quit();
        return;
    }
  }

  private async onEvent(event: PushEvent): Promise<void> {
    if (event.type === 'reminders.due') {
      await this.refreshTray();
      // One notice, where the owner looks: the page's own (with Done and Snooze) when the window
      // is in front, the system's otherwise.
      if (this.ports.window.isFocused()) return;
      const phrase = phrasebook(this.settings?.language ?? null);
      for (const notification of notificationsFor(event.payload.reminders, event.payload.missed, phrase)) {
        this.ports.notifier.notify(
          { title: notification.title, body: notification.body },
          () => void this.act(notification.action),
        );
      }
    } else if (event.type === 'data.changed') {
      if (event.payload.entity === 'settings') await this.applySettings();
      if (['tasks', 'settings', 'customers'].includes(event.payload.entity)) await this.refreshTray();
    }
  }

  private async applySettings(): Promise<void> {
    const settings = await this.call<Settings>('settings.get', {});
    if (!settings) return;
    const before = this.settings;
    this.settings = settings;
    if (before?.startAtLogin !== settings.startAtLogin)
      this.ports.system.setStartAtLogin(settings.startAtLogin);
    if (before?.quickCaptureShortcut !== settings.quickCaptureShortcut) {
      const registered = this.ports.system.setShortcut(settings.quickCaptureShortcut, () =>
        this.ports.window.openQuickCapture(),
      );
      if (!registered && settings.quickCaptureShortcut) {
        this.logger.warn('quick-capture shortcut not available', {
          accelerator: settings.quickCaptureShortcut,
        });
      }
    }
  }

  private async refreshTray(): Promise<void> {
    const due = await this.call<DueTasks>('tasks.due', {});
    if (!due) return;
    const phrase = phrasebook(this.settings?.language ?? null);
    const model = buildTrayModel(due, phrase, this.settings?.taskRemindTime ?? '09:00');
    this.ports.tray.show(model, (action) => void this.act(action));
  }

  /** A call whose failure is logged, not thrown: a tray click must never crash the main process. */
  private async call<T>(channel: string, input: unknown): Promise<T | null> {
    const envelope = await this.backend.dispatch(channel, input);
    if (envelope.ok) return envelope.data as T;
    this.logger.warn('desktop shell call failed', { channel, code: envelope.error.code });
    return null;
  }
}
