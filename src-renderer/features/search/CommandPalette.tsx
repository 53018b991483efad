import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SearchHit } from '../../../src-shared/contract';
import { useGlobalShortcut } from '../../app/useGlobalShortcut';
import { useIntentStore } from '../../app/useIntentStore';
import { useRouteStore } from '../../app/useRouteStore';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/useI18n';
import { PALETTE_COMMANDS, type PaletteCommand } from './paletteCommands';
import { useSearchStore } from './useSearchStore';

type Entry = { kind: 'customer'; hit: SearchHit } | { kind: 'command'; command: PaletteCommand };

/** Ctrl/Cmd+K anywhere (even inside a field, as in every editor); `/` when not typing. */
function useOpenShortcuts(open: () => void): void {
  useGlobalShortcut('/', open);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

/**
 * Search everywhere: finds customers by any fragment (the backend's FTS + pinyin search) and runs
 * commands. Arrow keys move, Enter opens, Esc closes; the list is a listbox for screen readers.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const openPalette = useMemo(() => () => setOpen(true), []);
  useOpenShortcuts(openPalette);
  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n(useShallow((s) => ({ t: s.t })));
  const search = useSearchStore(useShallow((s) => s));
  const navigate = useRouteStore((s) => s.navigate);
  const requestNewCustomer = useIntentStore((s) => s.requestNewCustomer);
  const [active, setActive] = useState(0);

  const { clear } = search;
  useEffect(() => clear, [clear]);

  const needle = search.query.trim().toLowerCase();
  const commands = PALETTE_COMMANDS.filter(
    (command) => !needle || t(command.label).toLowerCase().includes(needle),
  );
  const entries: Entry[] = [
    ...search.hits.map((hit): Entry => ({ kind: 'customer', hit })),
    ...commands.map((command): Entry => ({ kind: 'command', command })),
  ];
  const current = Math.min(active, Math.max(0, entries.length - 1));

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    onClose();
    if (entry.kind === 'customer') navigate('customer', entry.hit.customer.id);
    else if (entry.command.run.kind === 'navigate') navigate(entry.command.run.page);
    else {
      navigate('customers');
      requestNewCustomer();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + entries.length) % Math.max(1, entries.length));
    } else if (event.key === 'Enter') {
      // Enter that confirms a Chinese IME composition is the input method's, not ours; and while
      // the answer for the latest text is on its way, the customers shown belong to older text.
      const entry = entries[current];
      if (event.nativeEvent.isComposing || (search.loading && entry?.kind === 'customer')) return;
      event.preventDefault();
      choose(entry);
    }
  };

  const optionId = (index: number) => `palette-option-${index}`;
  return (
    <Dialog title={t('palette.title')} onClose={onClose}>
      <div className="palette">
        <input
          className="palette-input"
          type="search"
          data-autofocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={entries.length > 0 ? optionId(current) : undefined}
          aria-label={t('palette.title')}
          placeholder={t('palette.placeholder')}
          value={search.query}
          onChange={(event) => {
            setActive(0);
            search.setQuery(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" className="palette-list" role="listbox" aria-label={t('palette.title')}>
          {entries.map((entry, index) => (
            <li
              key={entry.kind === 'customer' ? `c${entry.hit.customer.id}` : entry.command.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className="palette-option"
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(entry)}
            >
              {entry.kind === 'customer' ? (
                <CustomerOption hit={entry.hit} />
              ) : (
                <CommandOption command={entry.command} />
              )}
            </li>
          ))}
        </ul>
        <p className="palette-status muted" role="status">
          {search.loading
            ? t('palette.searching')
            : needle && search.hits.length === 0 && !search.error
              ? t('palette.noResults', { query: search.query.trim() })
              : search.tookMs !== null
                ? t('palette.took', { ms: search.tookMs })
                : t('palette.hint')}
        </p>
      </div>
    </Dialog>
  );
}

function CustomerOption({ hit }: { hit: SearchHit }) {
  const t = useI18n((s) => s.t);
  const { customer } = hit;
  const detail = [customer.company, customer.city, customer.phone ?? customer.email]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <span className="palette-kind">{t('palette.customers')}</span>
      <span className="palette-main">
        <span className="strong">{customer.name}</span>
        {detail ? <span className="muted"> {detail}</span> : null}
        {hit.excerpt ? <span className="palette-excerpt">{hit.excerpt}</span> : null}
      </span>
      <span className="palette-matched muted">{t(`palette.matched.${hit.matchedIn}`)}</span>
    </>
  );
}

function CommandOption({ command }: { command: PaletteCommand }) {
  const t = useI18n((s) => s.t);
  return (
    <>
      <span className="palette-kind">{t('palette.commands')}</span>
      <span className="palette-main">{t(command.label)}</span>
    </>
  );
}
