import { describe, expect, it } from 'vitest';
import type { Customer, Task } from '../../src-shared/contract';
import { silentLogger } from '../../src-main/core/logger';
import { DesktopShell, type NotificationPayload, type ShellPorts } from '../../src-main/shell/desktopShell';
import type { TrayAction, TrayItem, TrayModel } from '../../src-main/tasks/trayMenu';
import { useBackendCalls, useTempBackend } from '../support/tempBackend';
import { caller } from '../support/envelopes';

/**
 * The desktop shell's logic against the real backend, with the OS parts (tray, notifications,
 * window, login item, shortcut) as recording fakes: the only place Electron would be.
 */

const MINUTE = 60_000;

function fakePorts() {
  const trays: { model: TrayModel; onAction: (action: TrayAction) => void }[] = [];
  const notifications: { payload: NotificationPayload; click: () => void }[] = [];
  const opened: string[] = [];
  const focus = { focused: false };
  const system = { startAtLogin: [] as boolean[], shortcuts: [] as (string | null)[] };
  const ports: ShellPorts = {
    tray: { show: (model, onAction) => trays.push({ model, onAction }) },
    notifier: { notify: (payload, click) => notifications.push({ payload, click }) },
    window: {
      show: () => opened.push('show'),
      open: (hash) => opened.push(hash),
      openQuickCapture: () => opened.push('capture'),
      quit: () => opened.push('quit'),
      isFocused: () => focus.focused,
    },
    system: {
      setStartAtLogin: (enabled) => system.startAtLogin.push(enabled),
      setShortcut: (accelerator) => {
        system.shortcuts.push(accelerator);
        return true;
      },
    },
  };
  return { ports, trays, notifications, opened, system, focus, lastTray: () => trays.at(-1)!.model };
}

/** Event handlers run after a dispatch resolves; give them their turn. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function findAction(items: TrayItem[], label: string): TrayAction | undefined {
  for (const item of items) {
    if (item.kind === 'action' && item.label === label) return item.action;
    if (item.kind === 'submenu') {
      const found = findAction(item.items, label);
      if (found) return found;
    }
  }
  return undefined;
}

async function setup() {
  const { t, call } = useBackendCalls({ reminders: true, timeZone: 'Asia/Shanghai' });
  await call('settings.update', { language: 'en' });
  const fake = fakePorts();
  const shell = new DesktopShell(t.backend, fake.ports, silentLogger);
  await shell.start();
  return { t, call, fake, shell };
}

describe('desktop shell', () => {
  it('applies the login and shortcut settings at start and again when they change', async () => {
    const { call, fake } = await setup();
    expect(fake.system.startAtLogin).toEqual([false]);
    expect(fake.system.shortcuts).toEqual(['CommandOrControl+Shift+K']);
    await call('settings.update', { startAtLogin: true, quickCaptureShortcut: null });
    await settle();
    expect(fake.system.startAtLogin).toEqual([false, true]);
    expect(fake.system.shortcuts).toEqual(['CommandOrControl+Shift+K', null]);
  });

  it('shows today’s count in the tray and lists the follow-up with Done and Snooze that act', async () => {
    const { t, call, fake } = await setup();
    expect(fake.lastTray().tooltip).toBe('SoloCRM — nothing due today');
    const ann = await call<Customer>('customers.create', { name: 'Ann' });
    // The fake clock starts 2026-01-15 09:30 UTC = 17:30 in Shanghai.
    const task = await call<Task>('tasks.create', {
      title: 'Call about the tea order',
      customerId: ann.id,
      dueDate: '2026-01-15',
      dueTime: '18:00',
    });
    await settle();
    const tray = fake.lastTray();
    expect(tray.tooltip).toBe('SoloCRM — follow-ups due today: 1');
    expect(tray.badge).toBe('1');
    const section = tray.items.find((item) => item.kind === 'submenu');
    expect(section?.label).toBe('18:00  Call about the tea order · Ann');

    const snooze = findAction(tray.items, '1 hour');
    expect(snooze).toEqual({ type: 'snooze', taskId: task.id, preset: '1h' });
    fake.trays.at(-1)!.onAction(snooze!);
    await settle();
    expect((await call<Task>('tasks.get', { id: task.id })).remindAt).toBe(
      new Date(t.clock.now() + 60 * MINUTE).toISOString(),
    );

    fake.trays.at(-1)!.onAction(findAction(fake.lastTray().items, 'Done')!);
    await settle();
    expect((await call<Task>('tasks.get', { id: task.id })).doneAt).not.toBeNull();
    expect(fake.lastTray().badge).toBe('');
  });

  it('turns a due reminder into one notification whose click opens the customer', async () => {
    const { t, call, fake } = await setup();
    const ann = await call<Customer>('customers.create', { name: 'Ann' });
    await call('tasks.create', {
      title: 'Send the quote',
      customerId: ann.id,
      dueDate: '2026-01-15',
      dueTime: '17:45',
    });
    // The reminder's own minute: delivered on time, so one notification, not a catch-up summary.
    t.clock.advance(15 * MINUTE);
    t.backend.checkReminders();
    await settle();
    expect(fake.notifications.map((n) => n.payload)).toEqual([
      { title: 'Follow-up due', body: 'Send the quote · Ann' },
    ]);
    fake.notifications[0]!.click();
    expect(fake.opened).toEqual([`#/customers/${ann.id}`]);
    // With the window in front the page shows its own notice: no second one from the OS.
    fake.focus.focused = true;
    await call('tasks.create', {
      title: 'Pack the samples',
      customerId: ann.id,
      dueDate: '2026-01-15',
      dueTime: '17:50',
    });
    t.clock.advance(5 * MINUTE);
    t.backend.checkReminders();
    await settle();
    expect(fake.notifications).toHaveLength(1);
    fake.focus.focused = false;
    // Checked again: already delivered, nothing new.
    t.backend.checkReminders();
    await settle();
    expect(fake.notifications).toHaveLength(1);
  });

  it('keeps a reminder for the first window that opens: none open, nobody was told', async () => {
    // The web door with no browser tab: the reminder must wait, not be marked delivered.
    const t = useTempBackend({ reminders: true, timeZone: 'Asia/Shanghai' });
    const call = caller(() => t.backend);
    await call('tasks.create', { title: 'Send the quote', dueDate: '2026-01-15', dueTime: '17:45' });
    t.clock.advance(3 * 60 * MINUTE);
    t.backend.checkReminders();
    expect((await call<Task[]>('tasks.list', {}))[0]!.remindedAt).toBeNull();

    const fake = fakePorts();
    await new DesktopShell(t.backend, fake.ports, silentLogger).start();
    await settle();
    // Hours late: the one summary of what was missed, opening Today.
    expect(fake.notifications.map((n) => n.payload.title)).toEqual(['SoloCRM 关闭或休眠期间有 1 条跟进到期']);
  });

  it('moves the tray to the new day at midnight, with nothing else changing', async () => {
    const { t, call, fake } = await setup();
    await call('tasks.create', { title: 'Visit the shop', dueDate: '2026-01-16' });
    await settle();
    expect(fake.lastTray().badge).toBe('');
    // 17:30 in Shanghai; seven hours later it is the 16th.
    t.clock.advance(7 * 60 * MINUTE);
    t.backend.checkReminders();
    await settle();
    expect(fake.lastTray().badge).toBe('1');
  });

  it('hides the window on close while "keep in tray" is on, and really closes after Quit', async () => {
    const { call, fake, shell } = await setup();
    expect(shell.hidesOnClose()).toBe(true);
    await call('settings.update', { keepInTray: false });
    await settle();
    expect(shell.hidesOnClose()).toBe(false);
    await call('settings.update', { keepInTray: true });
    await settle();
    await shell.act({ type: 'quit' });
    expect(fake.opened).toEqual(['quit']);
    expect(shell.hidesOnClose()).toBe(false);
  });
});
