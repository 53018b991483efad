import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { useDealEditorStore } from './useDealEditorStore';

interface SearchBoxProps {
  /** The picked customer's name, shown in the box once picked. */
  pickedName: string;
  error?: string;
  autoFocus?: boolean;
  onPick: (customer: { id: number; name: string } | null) => void;
}

/** Waiting this long after a keystroke keeps a fast typist from sending one search per letter. */
const TYPING_PAUSE_MS = 150;

/**
 * A combobox over the customer search: type any fragment (name, company, phone digits, pinyin), pick
 * with the arrows and Enter or a click. Typing again after a pick forgets the pick.
 */
function CustomerSearchBox({ pickedName, error, autoFocus, onPick }: SearchBoxProps) {
  const t = useT();
  const search = useDealEditorStore((s) => s.searchCustomers);
  const id = useId();
  const [query, setQuery] = useState(pickedName);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const open = hits.length > 0 && query !== pickedName;

  useEffect(() => {
    const text = query.trim();
    if (!text || query === pickedName) return;
    let current = true;
    const timer = setTimeout(() => {
      search(text)
        .then((found) => {
          if (current) {
            setHits(found);
            setActive(0);
          }
        })
        .catch(() => current && setHits([]));
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, pickedName, search]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick({ id: hit.customer.id, name: hit.customer.name });
    setQuery(hit.customer.name);
    setHits([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + hits.length) % hits.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      pick(hits[active]);
    } else if (event.key === 'Escape') {
      // The list closes; the dialog stays open.
      event.preventDefault();
      event.stopPropagation();
      setHits([]);
    }
  };

  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className={`field field-wide customer-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('pipeline.form.customer')}</label>
      <input
        id={id}
        name="customerId"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-option-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-autofocus={autoFocus ? true : undefined}
        placeholder={t('pipeline.form.customerPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          if (pickedName) onPick(null);
          if (!event.target.value.trim()) setHits([]);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        className="picker-list"
        hidden={!open}
        aria-label={t('pipeline.form.customer')}
      >
        {hits.map((hit, index) => (
          <li
            key={hit.customer.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className="picker-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(hit)}
          >
            <span className="strong">{hit.customer.name}</span>
            {hit.customer.company ? <span className="muted"> {hit.customer.company}</span> : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface CustomerPickerProps {
  error?: string;
  autoFocus?: boolean;
  /** The picked customer's id as text, '' when none is picked: how useQuickForm's forms hold it. */
  onChange: (customerId: string) => void;
}

/** The customer field of the quick forms (new deal, new follow-up, quick capture); it keeps the picked name to show. */
export function CustomerPicker({ error, autoFocus, onChange }: CustomerPickerProps) {
  const [pickedName, setPickedName] = useState('');
  return (
    <CustomerSearchBox
      pickedName={pickedName}
      error={error}
      autoFocus={autoFocus}
      onPick={(customer) => {
        setPickedName(customer?.name ?? '');
        onChange(customer ? String(customer.id) : '');
      }}
    />
  );
}
