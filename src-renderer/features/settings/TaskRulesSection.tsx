import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RULE_KINDS, SEGMENT_KEYS, type RuleKind, type TaskRule } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { SelectField } from '../customers/QuickFormDialog';
import { useTaskRulesStore } from '../followups/useTaskRulesStore';
import { useFormErrors } from './useFormErrors';

const FIELDS = ['days', 'segment'] as const;
/** What a new rule starts with: the examples of the issue (2 days after At Risk, 14 stale, 30 after an order). */
const NEW_RULE: Record<RuleKind, { days: number; segment: string | null }> = {
  segment_entered: { days: 2, segment: 'at_risk' },
  deal_stale: { days: 14, segment: null },
  after_order: { days: 30, segment: null },
};
const MAX_DAYS = 3650;

function RuleRow({ rule, position }: { rule: TaskRule; position: number }) {
  const t = useT();
  const { update, remove } = useTaskRulesStore(useShallow((s) => ({ update: s.update, remove: s.remove })));
  const [days, setDays] = useState(String(rule.days));
  const [segment, setSegment] = useState(rule.segment ?? 'at_risk');
  const form = useFormErrors(FIELDS, (field) =>
    field === 'days' ? t('followups.rules.daysInvalid') : t('issue.option'),
  );
  const save = () => {
    const value = /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN;
    const bad = !(value >= 0 && value <= MAX_DAYS);
    void form.submit(bad ? [{ path: 'days', code: 'invalid', message: 'Not a number of days' }] : [], () =>
      update(rule.id, { days: value, ...(rule.kind === 'segment_entered' ? { segment } : {}) }),
    );
  };
  const name = t(`followups.rules.kind.${rule.kind}`);
  return (
    <li className="rule-row" aria-label={`${position}. ${name}`}>
      <p className="rule-kind strong">{name}</p>
      <form
        className="rule-fields"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {rule.kind === 'segment_entered' ? (
          <SelectField
            name="segment"
            label={t('followups.rules.segment')}
            value={segment}
            error={form.errors.segment}
            onChange={setSegment}
            choices={SEGMENT_KEYS.map((key) => ({ value: key, label: t(`analytics.segment.${key}`) }))}
          />
        ) : null}
        <TextField
          name="days"
          label={t(`followups.rules.days.${rule.kind}`)}
          value={days}
          maxLength={4}
          error={form.errors.days}
          onChange={(value) => {
            setDays(value);
            form.clear('days');
          }}
        />
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(event) =>
              void form.submit([], () => update(rule.id, { enabled: event.target.checked }))
            }
          />
          {t('followups.rules.enabled')}
        </label>
        <button type="submit" className="button" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-danger-quiet" onClick={() => void remove(rule)}>
          {t('followups.rules.delete')}
        </button>
      </form>
    </li>
  );
}

/** The owner's automation rules: each in words, its days (and segment) editable, on or off. */
export function TaskRulesSection() {
  const t = useT();
  const { rules, loaded, load, create } = useTaskRulesStore(
    useShallow((s) => ({ rules: s.rules, loaded: s.loaded, load: s.load, create: s.create })),
  );
  const [kind, setKind] = useState<RuleKind>('segment_entered');
  const adding = useFormErrors(['kind'] as const, () => t('issue.option'));
  useEffect(() => void load(), [load]);
  return (
    <section className="card" aria-labelledby="settings-task-rules">
      <h2 id="settings-task-rules">{t('followups.rules.title')}</h2>
      <p className="hint">{t('followups.rules.hint')}</p>
      {loaded && rules.length === 0 ? <p className="muted">{t('followups.rules.none')}</p> : null}
      <ul className="rule-list">
        {rules.map((rule, index) => (
          // Keyed by the saved values, so what another door saved replaces stale text.
          <RuleRow key={`${rule.id}:${rule.days}:${rule.segment}`} rule={rule} position={index + 1} />
        ))}
      </ul>
      <form
        className="rule-add"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void adding.submit([], () => create({ kind, ...NEW_RULE[kind] }));
        }}
      >
        <SelectField
          name="kind"
          label={t('followups.rules.newKind')}
          value={kind}
          onChange={(value) => setKind(value as RuleKind)}
          choices={RULE_KINDS.map((value) => ({ value, label: t(`followups.rules.kind.${value}`) }))}
        />
        <button type="submit" className="button" disabled={adding.busy}>
          {t('followups.rules.add')}
        </button>
      </form>
    </section>
  );
}
