import { useState } from 'react';
import type { Settings } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { SettingField } from './SettingField';
import { SettingsCard, SettingsForm } from './SettingsCard';
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
    <SettingsForm
      busy={form.busy}
      onSubmit={() => {
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
        <SettingField
          form={form}
          name="quickCaptureShortcut"
          label="followups.desktop.shortcut"
          hint="followups.desktop.shortcutHint"
          wide
          value={shortcut}
          onChange={setShortcut}
        />
      </div>
    </SettingsForm>
  );
}

/** The tray, start at login and the quick-capture shortcut: only where there is a desktop app. */
export function DesktopSection() {
  const t = useT();
  const door = useSettingsStore((s) => s.info?.door);
  if (door !== 'electron') return null;
  return (
    <SettingsCard id="settings-desktop" title={t('followups.desktop.title')}>
      {(saved) => <DesktopForm key={saved.quickCaptureShortcut ?? ''} saved={saved} />}
    </SettingsCard>
  );
}
