import { useId, useMemo, useState } from 'react';
import { contract, effectiveRegion, type Settings } from '../../../src-shared/contract';
import { useI18n } from '../../i18n/useI18n';
import { REGION_CODES, regionName } from './regions';
import { SettingField, typedNumber } from './SettingField';
import { SettingsCard, SettingsForm } from './SettingsCard';
import { checkLocally, useFormErrors, type DescribeIssue } from './useFormErrors';
import { useSettingsStore } from './useSettingsStore';

const PREFERENCE_FIELDS = ['defaultRegion', 'currency', 'trashPurgeDays'] as const;
type PreferenceField = (typeof PREFERENCE_FIELDS)[number];
/** The select's value for "no region chosen": the derived one applies. */
const AUTOMATIC = '';

function PreferencesForm({ saved }: { saved: Settings }) {
  const t = useI18n((s) => s.t);
  const locale = useI18n((s) => s.locale);
  const update = useSettingsStore((s) => s.update);
  const regionId = useId();
  const [region, setRegion] = useState(saved.defaultRegion ?? AUTOMATIC);
  const [currency, setCurrency] = useState(saved.currency);
  const [days, setDays] = useState(String(saved.trashPurgeDays));
  const describe: DescribeIssue<PreferenceField> = (field) =>
    field === 'currency'
      ? t('settings.prefs.currencyInvalid')
      : field === 'trashPurgeDays'
        ? t('settings.prefs.purgeDaysInvalid')
        : t('issue.option');
  const form = useFormErrors(PREFERENCE_FIELDS, describe);

  const regions = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return REGION_CODES.map((code) => ({ code, name: regionName(locale, code) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [locale]);
  // What the backend applies while none is chosen (see effectiveRegion): shown, not guessed.
  const derived = effectiveRegion({ defaultRegion: null, language: saved.language });

  const submit = async () => {
    const patch = {
      defaultRegion: region === AUTOMATIC ? null : region,
      currency,
      // Not a number ("", "abc", "1.5") fails the schema below and is named at the field.
      trashPurgeDays: typedNumber(days),
    };
    await form.submit(checkLocally(contract['settings.update'].input, patch), () => update(patch));
  };

  return (
    <SettingsForm busy={form.busy} onSubmit={() => void submit()}>
      <div className="form-grid">
        <div className="field field-wide">
          <label htmlFor={regionId}>{t('settings.prefs.region')}</label>
          <select id={regionId} value={region} onChange={(event) => setRegion(event.target.value)}>
            <option value={AUTOMATIC}>
              {derived
                ? t('settings.prefs.regionAuto', { region: regionName(locale, derived) })
                : t('settings.prefs.regionAutoNone')}
            </option>
            {regions.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <p className="hint">{t('settings.prefs.regionHint')}</p>
        </div>
        <SettingField
          form={form}
          name="currency"
          label="settings.prefs.currency"
          hint="settings.prefs.currencyHint"
          maxLength={3}
          value={currency}
          onChange={setCurrency}
        />
        <SettingField
          form={form}
          name="trashPurgeDays"
          label="settings.prefs.purgeDays"
          hint="settings.prefs.purgeDaysHint"
          maxLength={4}
          value={days}
          onChange={setDays}
        />
      </div>
    </SettingsForm>
  );
}

/** Default phone region, currency and how old trash must be before a purge erases it. */
export function PreferencesSection() {
  const t = useI18n((s) => s.t);
  return (
    <SettingsCard id="settings-preferences" title={t('settings.prefs.title')}>
      {(saved) => (
        <PreferencesForm
          key={`${saved.defaultRegion}:${saved.currency}:${saved.trashPurgeDays}`}
          saved={saved}
        />
      )}
    </SettingsCard>
  );
}
