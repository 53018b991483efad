import { useState } from 'react';
import { type ChoiceOption } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { showToast } from '../../components/useToastStore';
import { TextField } from '../../forms/TextField';
import { describeIssue } from '../../i18n/describe';
import { useI18n, useT, type Translate } from '../../i18n/useI18n';
import { BUILT_IN, choiceLabel, type ChoiceListKind } from './choiceLabel';
import { useSettingsStore } from './useSettingsStore';

const SETTING = {
  source: 'customerSources',
  stage: 'customerStages',
  lostReason: 'dealLostReasons',
} as const;

/** An entry as edited: `label` is the text in its box, which starts as the name the owner sees. */
interface DraftEntry {
  key: string;
  label: string;
}

const toDraft = (t: Translate, kind: ChoiceListKind, list: ChoiceOption[]): DraftEntry[] =>
  list.map((option) => ({ key: option.key, label: choiceLabel(t, kind, option) }));

/**
 * A built-in left under its translated name (or emptied) is saved without a label, so it keeps
 * following the UI language; any other text is the owner's own name for it.
 */
function toOptions(t: Translate, kind: ChoiceListKind, draft: DraftEntry[]): ChoiceOption[] {
  return draft.map(({ key, label }) => {
    const text = label.trim();
    const standard = BUILT_IN[kind].includes(key) ? choiceLabel(t, kind, { key, label: null }) : null;
    return { key, label: text === '' || text === standard ? null : text };
  });
}

/** A stable key for a new entry (customers store the key): from the name when it has letters, else generic. */
function newKey(label: string, taken: string[]): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'custom';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

/** Problems with the list as it stands, keyed by row: an own entry without a name, a name twice. */
function draftIssues(t: Translate, kind: ChoiceListKind, draft: DraftEntry[]): Map<number, string> {
  const issues = new Map<number, string>();
  const seen = new Set<string>();
  draft.forEach((entry, index) => {
    const custom = !BUILT_IN[kind].includes(entry.key);
    if (custom && !entry.label.trim()) {
      issues.set(index, describeIssue(t, { code: 'required' }));
      return;
    }
    const name = choiceLabel(t, kind, { key: entry.key, label: entry.label.trim() || null }).toLowerCase();
    // Two entries under one name could not be told apart in a menu.
    if (seen.has(name)) issues.set(index, t('settings.lists.duplicate'));
    seen.add(name);
  });
  return issues;
}

function ChoiceListEditor({ kind, saved }: { kind: ChoiceListKind; saved: ChoiceOption[] }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState(() => toDraft(t, kind, saved));
  const [rowErrors, setRowErrors] = useState<Map<number, string>>(new Map());
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(toOptions(t, kind, draft)) !== JSON.stringify(saved);
  const titleId = `settings-${kind}-list`;

  const change = (next: DraftEntry[]) => {
    setDraft(next);
    setRowErrors(new Map());
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...draft];
    const [entry] = next.splice(index, 1);
    if (entry) next.splice(index + by, 0, entry);
    change(next);
  };
  const add = () => {
    const label = newName.trim();
    if (!label) {
      setNewError(describeIssue(t, { code: 'required' }));
      return;
    }
    change([
      ...draft,
      {
        key: newKey(
          label,
          draft.map((entry) => entry.key),
        ),
        label,
      },
    ]);
    setNewName('');
    setNewError(undefined);
  };
  const save = async () => {
    const issues = draftIssues(t, kind, draft);
    setRowErrors(issues);
    if (issues.size > 0) return;
    setBusy(true);
    try {
      await update({ [SETTING[kind]]: toOptions(t, kind, draft) });
    } catch (error) {
      // The server checks the same things; whatever it names goes onto its row.
      const apiError = toApiError(error);
      const named = new Map<number, string>();
      for (const issue of apiError.issues) {
        const row = Number(issue.path.split('.')[1]);
        if (Number.isInteger(row) && !named.has(row)) named.set(row, describeIssue(t, issue));
      }
      setRowErrors(named);
      if (named.size === 0) showToast({ tone: 'error', message: `error.${apiError.code}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`settings.lists.${kind}.title`)}</h2>
      <p className="hint">
        {t(`settings.lists.${kind}.hint`)} {t('settings.lists.builtInHint')}
      </p>
      <ol className="organize-list">
        {draft.map((entry, index) => {
          const name = choiceLabel(t, kind, { key: entry.key, label: entry.label.trim() || null });
          return (
            <li key={entry.key} className="organize-row">
              <TextField
                name={`${kind}-${entry.key}`}
                label={t(`settings.lists.${kind}.nameAria`, { position: index + 1 })}
                className="choice-name"
                value={entry.label}
                maxLength={60}
                error={rowErrors.get(index)}
                onChange={(label) =>
                  change(draft.map((other, at) => (at === index ? { ...other, label } : other)))
                }
              />
              <span className="organize-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('settings.lists.moveUp', { name })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('settings.lists.moveDown', { name })}
                  disabled={index === draft.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('settings.lists.remove', { name })}
                  // A list needs at least one entry to choose from.
                  disabled={draft.length === 1}
                  onClick={() => change(draft.filter((_, at) => at !== index))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <TextField
          name={`${kind}-new`}
          label={t(`settings.lists.${kind}.new`)}
          value={newName}
          maxLength={60}
          error={newError}
          onChange={(value) => {
            setNewName(value);
            setNewError(undefined);
          }}
        />
        <div className="inline-form-actions">
          <button type="submit" className="button">
            {t('settings.lists.add')}
          </button>
        </div>
      </form>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!dirty || busy}
          onClick={() => void save()}
        >
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </section>
  );
}

/** Lead sources, lifecycle stages or lost reasons: rename (built-ins too), add, remove, reorder, then save. */
export function ChoiceListSection({ kind }: { kind: ChoiceListKind }) {
  const saved = useSettingsStore((s) => s.settings?.[SETTING[kind]]);
  const locale = useI18n((s) => s.locale);
  if (!saved) return null;
  // A new saved list (this save, another window's) or a new language starts a fresh draft.
  return <ChoiceListEditor key={`${locale}:${JSON.stringify(saved)}`} kind={kind} saved={saved} />;
}
