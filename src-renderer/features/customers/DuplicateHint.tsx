import { hrefFor } from '../../app/useRouteStore';
import { useT } from '../../i18n/useI18n';
import type { DuplicateMatches } from './useCustomerDetailStore';

/** "Possible duplicate: 张三 — same phone", with a link to the existing record. */
export function DuplicateHint({ matches }: { matches: DuplicateMatches }) {
  const t = useT();
  return (
    <ul className="duplicate-hint" role="status">
      {matches.map(({ customer, reasons }) => (
        <li key={customer.id}>
          <span>
            {t('customer.form.duplicate', {
              name: customer.name,
              reasons: [...new Set(reasons.map((reason) => reason.reason))]
                .map((reason) => t(`customer.form.duplicateReason.${reason}`))
                .join(t('customer.form.reasonSeparator')),
            })}
          </span>{' '}
          <a href={hrefFor('customer', customer.id)}>
            {t('customer.form.duplicateOpen', { name: customer.name })}
          </a>
        </li>
      ))}
    </ul>
  );
}
