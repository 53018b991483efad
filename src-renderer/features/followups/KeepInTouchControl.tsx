import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { TextField } from '../../forms/TextField';
import { dayLabel } from './dueDays';
import { useTaskFormat } from './taskFormat';
import { useKeepInTouchStore } from './useKeepInTouchStore';
import { useFormErrors } from '../settings/useFormErrors';

const FIELDS = ['everyDays'] as const;

/** "Keep in touch every N days", with the day the next contact is due; empty turns it off. */
export function KeepInTouchControl({ customerId }: { customerId: number }) {
  const { cadence, show } = useKeepInTouchStore(
    useShallow((s) => ({ cadence: s.customerId === customerId ? s.cadence : null, show: s.show })),
  );
  useEffect(() => void show(customerId), [customerId, show]);
  useEffect(() => () => void show(null), [show]);
  if (!cadence) return null;
  // A fresh form for each saved cadence: what another door saved shows, not stale text.
  return (
    <KeepInTouchForm key={String(cadence.everyDays)} saved={cadence.everyDays} nextDue={cadence.nextDue} />
  );
}

function KeepInTouchForm({ saved, nextDue }: { saved: number | null; nextDue: string | null }) {
  const { t, locale } = useTaskFormat();
  const save = useKeepInTouchStore((s) => s.save);
  const [days, setDays] = useState(saved === null ? '' : String(saved));
  const form = useFormErrors(FIELDS, () => t('followups.keep.invalid'));
  const submit = (text: string) => {
    const everyDays = text.trim() === '' ? null : Number(text.trim());
    const bad = everyDays !== null && (!Number.isInteger(everyDays) || everyDays < 1 || everyDays > 3650);
    void form.submit(
      bad ? [{ path: 'everyDays', code: 'invalid', message: 'Not a number of days' }] : [],
      () => save(everyDays),
    );
  };
  return (
    <form
      className="keep-in-touch"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(days);
      }}
    >
      <TextField
        name="everyDays"
        label={t('followups.keep.label')}
        value={days}
        maxLength={4}
        error={form.errors.everyDays}
        onChange={(value) => {
          setDays(value);
          form.clear('everyDays');
        }}
      />
      <button type="submit" className="button" disabled={form.busy}>
        {t('common.save')}
      </button>
      {saved !== null ? (
        <button type="button" className="button" disabled={form.busy} onClick={() => submit('')}>
          {t('followups.keep.off')}
        </button>
      ) : null}
      <p className="hint">
        {nextDue
          ? t('followups.keep.next', { date: dayLabel(nextDue, locale) })
          : t('followups.keep.offHint')}
      </p>
    </form>
  );
}
