import { useState } from 'react';
import { contract, type Settings } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { checkLocally, useFormErrors } from './useFormErrors';
import { useSettingsStore } from './useSettingsStore';

const FIELDS = ['dealStaleDays'] as const;

function StaleDaysForm({ saved }: { saved: Settings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const [days, setDays] = useState(String(saved.dealStaleDays));
  const form = useFormErrors(FIELDS, () => t('pipeline.settings.staleInvalid'));
  const submit = async () => {
    const patch = { dealStaleDays: days.trim() === '' ? Number.NaN : Number(days) };
    await form.submit(checkLocally(contract['settings.update'].input, patch), () => update(patch));
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        name="dealStaleDays"
        label={t('pipeline.settings.staleDays')}
        value={days}
        maxLength={3}
        error={form.errors.dealStaleDays}
        onChange={(value) => {
          setDays(value);
          form.clear('dealStaleDays');
        }}
      />
      <p className="hint">{t('pipeline.settings.staleHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** How many days without activity make an open deal stale (the board's filter, the forecast's list). */
export function StaleDaysSection() {
  const t = useT();
  const saved = useSettingsStore((s) => s.settings);
  if (!saved) return null;
  return (
    <section className="card" aria-labelledby="settings-pipeline-stale">
      <h2 id="settings-pipeline-stale">{t('pipeline.settings.staleTitle')}</h2>
      <StaleDaysForm key={saved.dealStaleDays} saved={saved} />
    </section>
  );
}
