import { useState } from 'react';
import { contract, type Settings } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { SettingField, typedNumber } from './SettingField';
import { SettingsCard, SettingsForm } from './SettingsCard';
import { checkLocally, useFormErrors } from './useFormErrors';
import { useSettingsStore } from './useSettingsStore';

const FIELDS = ['dealStaleDays'] as const;

function StaleDaysForm({ saved }: { saved: Settings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const [days, setDays] = useState(String(saved.dealStaleDays));
  const form = useFormErrors(FIELDS, () => t('pipeline.settings.staleInvalid'));
  const submit = async () => {
    const patch = { dealStaleDays: typedNumber(days) };
    await form.submit(checkLocally(contract['settings.update'].input, patch), () => update(patch));
  };
  return (
    <SettingsForm busy={form.busy} onSubmit={() => void submit()}>
      <SettingField
        form={form}
        name="dealStaleDays"
        label="pipeline.settings.staleDays"
        hint="pipeline.settings.staleHint"
        maxLength={3}
        value={days}
        onChange={setDays}
      />
    </SettingsForm>
  );
}

/** How many days without activity make an open deal stale (the board's filter, the forecast's list). */
export function StaleDaysSection() {
  const t = useT();
  return (
    <SettingsCard id="settings-pipeline-stale" title={t('pipeline.settings.staleTitle')}>
      {(saved) => <StaleDaysForm key={saved.dealStaleDays} saved={saved} />}
    </SettingsCard>
  );
}
