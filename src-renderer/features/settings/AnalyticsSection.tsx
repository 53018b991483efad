import { useState } from 'react';
import { contract, type Settings } from '../../../src-shared/contract';
import { useI18n, type MessageKey } from '../../i18n/useI18n';
import { useLatestRun } from '../analytics/useLatestRun';
import { SettingField } from './SettingField';
import { SettingsCard, SettingsForm } from './SettingsCard';
import { checkLocally, useFormErrors, type DescribeIssue } from './useFormErrors';
import { useSettingsStore } from './useSettingsStore';

const ANALYTICS_FIELDS = [
  'churnHorizonDays',
  'marginPercent',
  'monthlyDiscountPercent',
  'clvMonths',
] as const;
type AnalyticsField = (typeof ANALYTICS_FIELDS)[number];

/** Each field's own sentence: the contract's limits, said the way the owner types them. */
const INVALID: Record<AnalyticsField, MessageKey> = {
  churnHorizonDays: 'settings.analytics.horizonInvalid',
  marginPercent: 'settings.analytics.marginInvalid',
  monthlyDiscountPercent: 'settings.analytics.discountInvalid',
  clvMonths: 'settings.analytics.monthsInvalid',
};

/** "" or "abc" is not a number: NaN fails the schema and is named at its field. */
const asNumber = (text: string) =>
  text.trim() === '' ? Number.NaN : Number(text.trim().replace(/[%％]$/, ''));

function AnalyticsForm({ saved }: { saved: Settings }) {
  const t = useI18n((s) => s.t);
  const update = useSettingsStore((s) => s.update);
  const run = useLatestRun();
  const suggested = run?.churn.ok ? run.churn.suggestedHorizonDays : null;
  const [values, setValues] = useState<Record<AnalyticsField, string>>({
    churnHorizonDays: String(saved.churnHorizonDays),
    marginPercent: String(saved.marginPercent),
    monthlyDiscountPercent: String(saved.monthlyDiscountPercent),
    clvMonths: String(saved.clvMonths),
  });
  const describe: DescribeIssue<AnalyticsField> = (field) => t(INVALID[field]);
  const form = useFormErrors(ANALYTICS_FIELDS, describe);
  const setValue = (field: AnalyticsField, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async () => {
    const patch = {
      churnHorizonDays: asNumber(values.churnHorizonDays),
      marginPercent: asNumber(values.marginPercent),
      monthlyDiscountPercent: asNumber(values.monthlyDiscountPercent),
      clvMonths: asNumber(values.clvMonths),
    };
    await form.submit(checkLocally(contract['settings.update'].input, patch), () => update(patch));
  };

  const field = (name: AnalyticsField, label: MessageKey, hint: MessageKey) => (
    <SettingField
      form={form}
      name={name}
      label={label}
      hint={hint}
      maxLength={6}
      value={values[name]}
      onChange={(value) => setValue(name, value)}
    />
  );

  return (
    <SettingsForm busy={form.busy} onSubmit={() => void submit()}>
      <div className="form-grid">
        <div>
          {field('churnHorizonDays', 'settings.analytics.horizon', 'settings.analytics.horizonHint')}
          {suggested !== null && String(suggested) !== values.churnHorizonDays ? (
            <p className="hint">
              {t('settings.analytics.suggested', { days: suggested })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setValue('churnHorizonDays', String(suggested));
                  form.clear('churnHorizonDays');
                }}
              >
                {t('settings.analytics.useSuggested', { days: suggested })}
              </button>
            </p>
          ) : null}
        </div>
        {field('marginPercent', 'settings.analytics.margin', 'settings.analytics.marginHint')}
        {field('monthlyDiscountPercent', 'settings.analytics.discount', 'settings.analytics.discountHint')}
        {field('clvMonths', 'settings.analytics.months', 'settings.analytics.monthsHint')}
      </div>
    </SettingsForm>
  );
}

/** The figures analytics assumes: what counts as churned, the profit margin, and how far value looks ahead. */
export function AnalyticsSection() {
  const t = useI18n((s) => s.t);
  return (
    <SettingsCard
      id="settings-analytics"
      title={t('settings.analytics.title')}
      intro={t('settings.analytics.intro')}
    >
      {(saved) => (
        <AnalyticsForm
          key={`${saved.churnHorizonDays}:${saved.marginPercent}:${saved.monthlyDiscountPercent}:${saved.clvMonths}`}
          saved={saved}
        />
      )}
    </SettingsCard>
  );
}
