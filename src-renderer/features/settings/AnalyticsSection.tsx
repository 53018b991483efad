import { useState } from 'react';
import { contract, type Settings } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useI18n, type MessageKey } from '../../i18n/useI18n';
import { useLatestRun } from '../analytics/useLatestRun';
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
  const change = (field: AnalyticsField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(field);
  };

  const submit = async () => {
    const patch = {
      churnHorizonDays: asNumber(values.churnHorizonDays),
      marginPercent: asNumber(values.marginPercent),
      monthlyDiscountPercent: asNumber(values.monthlyDiscountPercent),
      clvMonths: asNumber(values.clvMonths),
    };
    await form.submit(checkLocally(contract['settings.update'].input, patch), () => update(patch));
  };

  const field = (name: AnalyticsField, label: MessageKey, hint: string) => (
    <div>
      <TextField
        name={name}
        label={t(label)}
        value={values[name]}
        maxLength={6}
        error={form.errors[name]}
        onChange={(value) => change(name, value)}
      />
      <p className="hint">{hint}</p>
    </div>
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="form-grid">
        <div>
          {field('churnHorizonDays', 'settings.analytics.horizon', t('settings.analytics.horizonHint'))}
          {suggested !== null && String(suggested) !== values.churnHorizonDays ? (
            <p className="hint">
              {t('settings.analytics.suggested', { days: suggested })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => change('churnHorizonDays', String(suggested))}
              >
                {t('settings.analytics.useSuggested', { days: suggested })}
              </button>
            </p>
          ) : null}
        </div>
        {field('marginPercent', 'settings.analytics.margin', t('settings.analytics.marginHint'))}
        {field('monthlyDiscountPercent', 'settings.analytics.discount', t('settings.analytics.discountHint'))}
        {field('clvMonths', 'settings.analytics.months', t('settings.analytics.monthsHint'))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** The figures analytics assumes: what counts as churned, the profit margin, and how far value looks ahead. */
export function AnalyticsSection() {
  const t = useI18n((s) => s.t);
  const saved = useSettingsStore((s) => s.settings);
  if (!saved) return null;
  return (
    <section className="card" aria-labelledby="settings-analytics">
      <h2 id="settings-analytics">{t('settings.analytics.title')}</h2>
      <p className="muted">{t('settings.analytics.intro')}</p>
      <AnalyticsForm
        key={`${saved.churnHorizonDays}:${saved.marginPercent}:${saved.monthlyDiscountPercent}:${saved.clvMonths}`}
        saved={saved}
      />
    </section>
  );
}
