import {
  app,
  globalShortcut,
  Menu,
  nativeImage,
  Notification,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import type { NotifierPort, SystemPort, TrayPort } from '../shell/desktopShell';
import type { TrayAction, TrayItem } from '../tasks/trayMenu';

/**
 * Electron's side of the desktop shell (src-main/shell/desktopShell.ts holds the logic): the
 * tray icon and menu, system notifications, start at login and the global shortcut.
 */

/** A 32×32 disc drawn at build time; the packaged app has no icon files yet. */
const TRAY_ICON_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAfElEQVR42u2X2wkAIQwEbcbKLP+K0A40e7uSJRjwS3AGJK/WXoDRxzd3Jw18TQQFS0VYOCWhgv+SUMMhidMjp6AlGHhEQgZH70MSETjyRZCAAk5J2AugKfcE6gnUz4L0QmRRitObkUU7Th9ILEYyi6HUYiy3WExsVrOysQAzVYK73+vkEQAAAABJRU5ErkJggg==';

function toMenuItem(item: TrayItem, onAction: (action: TrayAction) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'header':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, click: () => onAction(item.action) };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((child) => toMenuItem(child, onAction)) };
  }
}

export function electronTray(onClick: () => void): TrayPort & { destroy(): void } {
  const tray = new Tray(nativeImage.createFromDataURL(`data:image/png;base64,${TRAY_ICON_PNG}`));
  tray.on('click', onClick);
  return {
    show(model, onAction) {
      tray.setToolTip(model.tooltip);
      // macOS shows text beside the icon; elsewhere the count is in the tooltip and the dock badge.
      if (process.platform === 'darwin') tray.setTitle(model.badge);
      app.setBadgeCount(model.badge === '' ? 0 : Number(model.badge));
      tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => toMenuItem(item, onAction))));
    },
    destroy: () => tray.destroy(),
  };
}

export const electronNotifier: NotifierPort = {
  notify(payload, onClick) {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: payload.title, body: payload.body });
    notification.on('click', onClick);
    notification.show();
  },
};

export const electronSystem: SystemPort = {
  setStartAtLogin(enabled) {
    // Started at login, SoloCRM opens in the tray (see main.ts: --hidden).
    app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
  },
  setShortcut(accelerator, onPress) {
    globalShortcut.unregisterAll();
    if (accelerator === null) return true;
    try {
      return globalShortcut.register(accelerator, onPress);
    } catch {
      // An accelerator Electron cannot parse: the owner's setting, reported as not registered.
      return false;
    }
  },
};
