import { useState } from 'react';
import type { Settings } from '../../../src-shared/contract';
import { SaveAction } from '../../forms/SaveAction';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { useFormErrors } from './useFormErrors';
import { useSettingsStore } from './useSettingsStore';

const FIELDS = ['quickCaptureShortcut'] as const;
const MAX_SHORTCUT = 60;

function DesktopForm({ saved }: { saved: Settings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const [shortcut, setShortcut] = useState(saved.quickCaptureShortcut ?? '');
  const form = useFormErrors(FIELDS, () => t('followups.desktop.shortcutInvalid'));
  // The two switches save as they are flipped; the shortcut with its own button.
  const toggle = (key: 'keepInTray' | 'startAtLogin') => (
    <label className="checkbox-field field-wide">
      <input
        type="checkbox"
        name={key}
        checked={saved[key]}
        onChange={(event) => void form.submit([], () => update({ [key]: event.target.checked }))}
      />
      {t(`followups.desktop.${key}`)}
    </label>
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const text = shortcut.trim();
        void form.submit(
          text.length > MAX_SHORTCUT
            ? [{ path: 'quickCaptureShortcut', code: 'too_long', message: 'Too long' }]
            : [],
          () => update({ quickCaptureShortcut: text === '' ? null : text }),
        );
      }}
    >
      <div className="form-grid">
        {toggle('keepInTray')}
        {toggle('startAtLogin')}
        <div className="field-wide">
          <TextField
            name="quickCaptureShortcut"
            label={t('followups.desktop.shortcut')}
            value={shortcut}
            error={form.errors.quickCaptureShortcut}
            onChange={(value) => {
              setShortcut(value);
              form.clear('quickCaptureShortcut');
            }}
          />
          <p className="hint">{t('followups.desktop.shortcutHint')}</p>
        </div>
      </div>
      <SaveAction busy={form.busy} />
    </form>
  );
}

/** The tray, start at login and the quick-capture shortcut: only where there is a desktop app. */
export function DesktopSection() {
  const t = useT();
  const saved = useSettingsStore((s) => s.settings);
  const door = useSettingsStore((s) => s.info?.door);
  if (!saved || door !== 'electron') return null;
  return (
    <section className="card" aria-labelledby="settings-desktop">
      <h2 id="settings-desktop">{t('followups.desktop.title')}</h2>
      <DesktopForm key={saved.quickCaptureShortcut ?? ''} saved={saved} />
    </section>
  );
}
