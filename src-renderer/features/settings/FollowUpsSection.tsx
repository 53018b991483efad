import { useState } from 'react';
import { contract, type Settings } from '../../../src-shared/contract';
import { InputField } from '../../forms/InputField';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { typedNumber } from './SettingField';
import { SettingsCard, SettingsForm } from './SettingsCard';
import { checkLocally, useFormErrors } from './useFormErrors';
import { useSettingsStore } from './useSettingsStore';

const FIELDS = ['taskRemindTime', 'birthdayReminderDays'] as const;

function FollowUpsForm({ saved }: { saved: Settings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const [time, setTime] = useState(saved.taskRemindTime);
  const [birthdays, setBirthdays] = useState(saved.birthdayReminderDays !== null);
  const [days, setDays] = useState(String(saved.birthdayReminderDays ?? 3));
  const form = useFormErrors(FIELDS, (field) =>
    field === 'taskRemindTime'
      ? t('followups.settings.remindTimeInvalid')
      : t('followups.settings.birthdayDaysInvalid'),
  );
  const submit = async () => {
    const patch = {
      taskRemindTime: time,
      birthdayReminderDays: birthdays ? typedNumber(days) : null,
    };
    await form.submit(checkLocally(contract['settings.update'].input, patch), () => update(patch));
  };
  return (
    <SettingsForm busy={form.busy} onSubmit={() => void submit()}>
      <div className="form-grid">
        <InputField
          type="time"
          name="taskRemindTime"
          label={t('followups.settings.remindTime')}
          value={time}
          error={form.errors.taskRemindTime}
          onChange={(value) => {
            setTime(value);
            form.clear('taskRemindTime');
          }}
        />
        <div className="field-wide">
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={birthdays}
              onChange={(event) => setBirthdays(event.target.checked)}
            />
            {t('followups.settings.birthdays')}
          </label>
        </div>
        {birthdays ? (
          <TextField
            name="birthdayReminderDays"
            label={t('followups.settings.birthdayDays')}
            value={days}
            maxLength={2}
            error={form.errors.birthdayReminderDays}
            onChange={(value) => {
              setDays(value);
              form.clear('birthdayReminderDays');
            }}
          />
        ) : null}
      </div>
    </SettingsForm>
  );
}

/** When all-day follow-ups remind, and whether birthdays get a reminder N days before. */
export function FollowUpsSection() {
  const t = useT();
  return (
    <SettingsCard id="settings-followups" title={t('followups.settings.title')}>
      {(saved) => (
        <FollowUpsForm key={`${saved.taskRemindTime}:${saved.birthdayReminderDays}`} saved={saved} />
      )}
    </SettingsCard>
  );
}
