import { useEffect, useState } from 'react';
import { useCustomerDetailStore, type DuplicateMatches } from './useCustomerDetailStore';
import type { CustomerFormValues } from './useCustomerFormState';

const DEBOUNCE_MS = 300;
const NONE: DuplicateMatches = [];

/**
 * While a new customer is typed, asks the backend who already looks like them (same email, phone,
 * name with company or city). Debounced; an answer that arrives after newer typing is dropped.
 */
export function useDuplicateCheck(values: CustomerFormValues, enabled: boolean): DuplicateMatches {
  const checkDuplicates = useCustomerDetailStore((s) => s.checkDuplicates);
  // Answers remember what they answer, so an old one is never shown for newer typing.
  const [answer, setAnswer] = useState<{ query: string; matches: DuplicateMatches } | null>(null);
  const emails = values.emails.map((email) => email.trim()).filter(Boolean);
  const phones = values.phones.map((phone) => phone.trim()).filter(Boolean);
  // One string for the effect's dependency: the check reruns when what it sends changes, not on every render.
  const query = JSON.stringify({
    name: values.name.trim(),
    company: values.company.trim(),
    city: values.city.trim(),
    emails,
    phones,
  });

  const active = enabled && (values.name.trim() !== '' || emails.length > 0 || phones.length > 0);

  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => {
      checkDuplicates(JSON.parse(query) as Parameters<typeof checkDuplicates>[0]).then(
        (matches) => setAnswer({ query, matches }),
        // A failed check shows nothing: saving still works, and no hint is better than a wrong one.
        () => setAnswer({ query, matches: [] }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, active, checkDuplicates]);

  return active && answer?.query === query ? answer.matches : NONE;
}
