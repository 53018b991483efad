import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  CUSTOMER_KEYS,
  DATE_ORDERS,
  effectiveRegion,
  importOptions,
  MATCH_KEYS,
  ON_MATCH,
  type DateOrder,
} from '../../../src-shared/contract';
import { useI18n } from '../../i18n/useI18n';
import { REGION_CODES, regionName } from '../settings/regions';
import { useSettingsStore } from '../settings/useSettingsStore';
import { useImportStore } from './useImportStore';

/** What the backend assumes for options the owner leaves alone. */
const DEFAULTS = importOptions.parse({});

/** Toggles one key in a list of keys, keeping the contract's order (it is the order they are tried in). */
function toggled<K extends string>(all: readonly K[], current: readonly K[], key: K): K[] {
  return all.filter((candidate) =>
    candidate === key ? !current.includes(key) : current.includes(candidate),
  );
}

/** How rows meet the database: matching existing customers, finding an order's customer, dates, phones. */
export function ImportOptionsPanel() {
  const { t, locale } = useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
  const ids = { dateOrder: useId(), region: useId(), currency: useId() };
  const { kind, options, setOptions } = useImportStore(
    useShallow((s) => ({ kind: s.kind, options: s.options, setOptions: s.setOptions })),
  );
  const settings = useSettingsStore((s) => s.settings);
  const defaultRegion = settings ? effectiveRegion(settings) : null;
  const matchBy = options.matchBy ?? DEFAULTS.matchBy;
  const customerBy = options.customerBy ?? DEFAULTS.customerBy;

  return (
    <section className="import-options" aria-label={t('imports.options.title')}>
      <h2 className="import-subheading">{t('imports.options.title')}</h2>
      {kind === 'customers' ? (
        <>
          <fieldset>
            <legend>{t('imports.options.matchBy')}</legend>
            {MATCH_KEYS.map((key) => (
              <label key={key} className="check">
                <input
                  type="checkbox"
                  checked={matchBy.includes(key)}
                  onChange={() => setOptions({ matchBy: toggled(MATCH_KEYS, matchBy, key) })}
                />
                {t(`imports.options.key.${key}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('imports.options.onMatch')}</legend>
            {ON_MATCH.map((action) => (
              <label key={action} className="check">
                <input
                  type="radio"
                  name="import-on-match"
                  checked={(options.onMatch ?? DEFAULTS.onMatch) === action}
                  onChange={() => setOptions({ onMatch: action })}
                />
                {t(`imports.options.onMatch.${action}`)}
              </label>
            ))}
          </fieldset>
        </>
      ) : (
        <>
          <fieldset>
            <legend>{t('imports.options.customerBy')}</legend>
            {CUSTOMER_KEYS.map((key) => (
              <label key={key} className="check">
                <input
                  type="checkbox"
                  checked={customerBy.includes(key)}
                  onChange={() => setOptions({ customerBy: toggled(CUSTOMER_KEYS, customerBy, key) })}
                />
                {t(`imports.options.key.${key}`)}
              </label>
            ))}
            <label className="check">
              <input
                type="checkbox"
                checked={options.createMissingCustomers ?? DEFAULTS.createMissingCustomers}
                onChange={(event) => setOptions({ createMissingCustomers: event.target.checked })}
              />
              {t('imports.options.createMissing')}
            </label>
          </fieldset>
          {kind === 'orders' ? (
            <>
              <div className="field import-currency">
                <label htmlFor={ids.currency}>{t('imports.options.currency')}</label>
                <input
                  id={ids.currency}
                  maxLength={3}
                  value={options.currency ?? settings?.currency ?? ''}
                  onChange={(event) => setOptions({ currency: event.target.value.toUpperCase() })}
                />
                <p className="hint">{t('imports.options.currencyHint')}</p>
              </div>
              <fieldset>
                <legend>{t('imports.options.cancellations')}</legend>
                {(['refund', 'skip'] as const).map((choice) => (
                  <label key={choice} className="check">
                    <input
                      type="radio"
                      name="import-cancellations"
                      checked={(options.cancellations ?? DEFAULTS.cancellations) === choice}
                      onChange={() => setOptions({ cancellations: choice })}
                    />
                    {t(`imports.options.cancellations.${choice}`)}
                  </label>
                ))}
              </fieldset>
            </>
          ) : null}
        </>
      )}
      <div className="import-settings">
        <div className="field">
          <label htmlFor={ids.dateOrder}>{t('imports.options.dateOrder')}</label>
          <select
            id={ids.dateOrder}
            value={options.dateOrder ?? DEFAULTS.dateOrder}
            onChange={(event) => setOptions({ dateOrder: event.target.value as DateOrder })}
          >
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`imports.dateOrder.${order}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.region}>{t('imports.options.region')}</label>
          <select
            id={ids.region}
            value={options.region ?? ''}
            onChange={(event) => setOptions({ region: event.target.value || undefined })}
          >
            <option value="">
              {defaultRegion
                ? t('imports.options.regionDefault', { region: regionName(locale, defaultRegion) })
                : t('imports.options.regionNone')}
            </option>
            {REGION_CODES.map((code) => (
              <option key={code} value={code}>
                {regionName(locale, code)}
              </option>
            ))}
          </select>
          <p className="hint">{t('imports.options.regionHint')}</p>
        </div>
      </div>
    </section>
  );
}
