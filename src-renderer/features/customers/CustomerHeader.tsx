import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomerOverview } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { useI18n } from '../../i18n/useI18n';
import { choiceName } from './choiceName';
import { formatMoney } from './money';
import { TagChip } from './TagChip';
import { useCustomerOptions } from './useCustomerOptions';
import { StatList, type Stat } from '../../components/StatList';

interface CustomerHeaderProps {
  overview: CustomerOverview;
  onStageChange: (stage: string | null) => void;
}

/** Who the customer is and the facts an owner acts on: value, recency, satisfaction. */
export function CustomerHeader({ overview, onStageChange }: CustomerHeaderProps) {
  const { t, locale } = useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
  const { currency, stages, customFields } = useCustomerOptions();
  const stageId = useId();
  const { customer, feedback } = overview;
  const { stats } = customer;
  const money = (cents: number, code = currency) => formatMoney(locale, cents, code);
  const day = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
      : t('table.emptyCell');
  const otherCurrencies = overview.revenueByCurrency.filter((entry) => entry.currency !== currency);

  const lastContact = (() => {
    const days = overview.daysSinceLastContact;
    if (days === null) return t('customer.stat.never');
    if (days <= 0) return t('customer.stat.today');
    if (days === 1) return t('customer.stat.yesterday');
    return t('customer.stat.daysAgo', { days });
  })();
  const csat = feedback.csat.percent;
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
  const nps = feedback.nps.score === null ? null : Math.round(feedback.nps.score);
  // A stage the owner removed from Settings stays selectable on the customer who still has it.
  const stageKeys = stages.map((option) => option.key);
  if (customer.stage && !stageKeys.includes(customer.stage)) stageKeys.push(customer.stage);

  const shownCustom = customFields.filter(
    (definition) => customer.custom[String(definition.id)] !== undefined,
  );

  const facts: Stat[] = [
    [
      t('customer.stat.revenue'),
      money(stats.revenueCents),
      otherCurrencies.map((entry) => money(entry.cents, entry.currency)).join(' + ') || undefined,
    ],
    [t('customer.stat.orders'), String(stats.orderCount)],
    [
      t('customer.stat.averageOrder'),
      overview.averageOrderCents === null ? t('table.emptyCell') : money(overview.averageOrderCents),
    ],
    [t('customer.stat.firstOrder'), day(stats.firstOrderAt)],
    [t('customer.stat.lastOrder'), day(stats.lastOrderAt)],
    [t('customer.stat.lastContact'), lastContact],
    [
      t('customer.stat.csat'),
      csat === null ? t('customer.stat.noAnswers') : percent(csat),
      csat === null ? undefined : t('customer.stat.answers', { count: feedback.csat.responses }),
    ],
    [
      t('customer.stat.nps'),
      nps === null ? t('customer.stat.noAnswers') : String(nps),
      nps === null ? undefined : t('customer.stat.answers', { count: feedback.nps.responses }),
    ],
  ];

  return (
    <header className="customer-header card">
      <a className="back-link" href={hrefFor('customers')}>
        <span aria-hidden="true">← </span>
        {t('customer.back')}
      </a>
      <div className="customer-identity">
        <div>
          <h1>{customer.name}</h1>
          {customer.jobTitle || customer.company ? (
            <p className="page-subtitle">
              {[customer.jobTitle, customer.company].filter(Boolean).join(' · ')}
            </p>
          ) : null}
        </div>
        <div className="stage-select">
          <label htmlFor={stageId}>{t('customer.stageSelect')}</label>
          <select
            id={stageId}
            value={customer.stage ?? ''}
            onChange={(event) => onStageChange(event.target.value || null)}
          >
            <option value="">{t('customer.noStage')}</option>
            {stageKeys.map((key) => (
              <option key={key} value={key}>
                {choiceName(t, 'stage', stages, key)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {customer.tags.length > 0 ? (
        <ul className="tag-list" aria-label={t('customer.tags')}>
          {customer.tags.map((tag) => (
            <li key={tag.id}>
              <TagChip name={tag.name} color={tag.color} />
            </li>
          ))}
        </ul>
      ) : null}

      <ul className="contact-list" aria-label={t('customer.contacts')}>
        {customer.emails.length === 0 && customer.phones.length === 0 ? (
          <li className="muted">{t('customer.noContacts')}</li>
        ) : null}
        {customer.emails.map((email, index) => (
          <li key={`email-${index}`}>
            <a href={`mailto:${email}`}>{email}</a>
            {index === 0 && customer.emails.length > 1 ? (
              <span className="muted"> ({t('customer.primary')})</span>
            ) : null}
          </li>
        ))}
        {customer.phones.map((phone, index) => (
          <li key={`phone-${index}`} className={phone.valid ? undefined : 'phone-invalid'}>
            <span>{phone.value}</span>
            {index === 0 && customer.phones.length > 1 ? (
              <span className="muted"> ({t('customer.primary')})</span>
            ) : null}
            {phone.valid ? null : (
              <span className="flag" title={t('customer.phoneInvalidHint')}>
                {t('customer.phoneInvalid')}
              </span>
            )}
          </li>
        ))}
      </ul>

      {shownCustom.length > 0 ? (
        <dl className="custom-values" aria-label={t('customer.form.section.custom')}>
          {shownCustom.map((definition) => (
            <div key={definition.id}>
              <dt>{definition.label}</dt>
              <dd>{String(customer.custom[String(definition.id)])}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <StatList stats={facts} label={t('customer.stat.label')} />
    </header>
  );
}
