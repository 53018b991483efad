import { useState } from 'react';
import { SNOOZE_PRESETS, type Task } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { DateTimeField } from '../customers/QuickFormDialog';
import { useSettingsStore } from '../settings/useSettingsStore';
import { localInputToIso, toLocalInput, wallTimeLabel } from './dueDays';
import { useTaskFormat } from './taskFormat';
import { useFollowUpsStore } from './useFollowUpsStore';

const HOUR_MS = 3_600_000;

/** When the reminder comes back: the presets the tray offers too, or a date and time of one's own. */
export function SnoozeDialog({ task }: { task: Task }) {
  const { t, locale } = useTaskFormat();
  const snooze = useFollowUpsStore((s) => s.snooze);
  const close = useFollowUpsStore((s) => s.askSnooze);
  const remindTime = wallTimeLabel(
    useSettingsStore((s) => s.settings?.taskRemindTime ?? '09:00'),
    locale,
  );
  const [until, setUntil] = useState(() => toLocalInput(new Date(Date.now() + HOUR_MS)));
  const [error, setError] = useState<string | undefined>();

  return (
    <Dialog title={t('followups.snooze.title', { title: task.title })} onClose={() => close(null)}>
      <div className="snooze-choices" role="group" aria-label={t('followups.snooze.choices')}>
        {SNOOZE_PRESETS.map((preset, index) => (
          <button
            key={preset}
            type="button"
            className="button"
            data-autofocus={index === 0 || undefined}
            onClick={() => void snooze(task, preset)}
          >
            {t(`followups.snooze.${preset}`, { time: remindTime })}
          </button>
        ))}
      </div>
      <form
        className="form snooze-until"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (localInputToIso(until) === null) setError(t('followups.snooze.untilInvalid'));
          else void snooze(task, { until });
        }}
      >
        {/* Seconds are offered (step 1) for a reminder "in a moment", not only on the minute. */}
        <DateTimeField
          name="until"
          label={t('followups.snooze.until')}
          value={until}
          error={error}
          step={1}
          onChange={(value) => {
            setUntil(value);
            setError(undefined);
          }}
        />
        <button type="submit" className="button button-primary">
          {t('followups.snooze.untilSubmit')}
        </button>
      </form>
    </Dialog>
  );
}
