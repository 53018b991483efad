import { useId, useMemo, useState } from 'react';
import { contract, effectiveRegion, type Settings } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useI18n } from '../../i18n/useI18n';
import { REGION_CODES, regionName } from './regions';
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
      trashPurgeDays: days.trim() === '' ? Number.NaN : Number(days),
    };
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
        <div>
          <TextField
            name="currency"
            label={t('settings.prefs.currency')}
            value={currency}
            maxLength={3}
            error={form.errors.currency}
            onChange={(value) => {
              setCurrency(value);
              form.clear('currency');
            }}
          />
          <p className="hint">{t('settings.prefs.currencyHint')}</p>
        </div>
        <div>
          <TextField
            name="trashPurgeDays"
            label={t('settings.prefs.purgeDays')}
            value={days}
            maxLength={4}
            error={form.errors.trashPurgeDays}
            onChange={(value) => {
              setDays(value);
              form.clear('trashPurgeDays');
            }}
          />
          <p className="hint">{t('settings.prefs.purgeDaysHint')}</p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Default phone region, currency and how old trash must be before a purge erases it. */
export function PreferencesSection() {
  const t = useI18n((s) => s.t);
  const saved = useSettingsStore((s) => s.settings);
  if (!saved) return null;
  return (
    <section className="card" aria-labelledby="settings-preferences">
      <h2 id="settings-preferences">{t('settings.prefs.title')}</h2>
      <PreferencesForm
        key={`${saved.defaultRegion}:${saved.currency}:${saved.trashPurgeDays}`}
        saved={saved}
      />
    </section>
  );
}
