import { InputField } from '../../forms/InputField';
import { SelectField } from '../customers/QuickFormDialog';
import { REPEAT_FREQUENCIES, WEEKDAYS, weekdaysOf } from './repeatRule';
import type { TaskFormField, TaskFormValues } from './taskForm';
import { useTaskFormat, weekdayName } from './taskFormat';

interface RepeatFieldsProps {
  values: TaskFormValues;
  errors: Partial<Record<TaskFormField, string>>;
  change: (field: TaskFormField, value: string) => void;
  /** A stored rule these controls cannot show: offered as "keep it" (the edit form). */
  keptRule?: string | null;
}

/** How a follow-up repeats: frequency, every N, which days, and when the series ends. */
export function RepeatFields({ values, errors, change, keptRule }: RepeatFieldsProps) {
  const { t, locale } = useTaskFormat();
  const chosen = weekdaysOf(values.repeatWeekdays);
  const text = (name: TaskFormField, label: string, type: 'text' | 'date' = 'text') => (
    <InputField
      type={type}
      name={name}
      label={label}
      numeric={type === 'text'}
      value={values[name]}
      error={errors[name]}
      onChange={(value) => change(name, value)}
    />
  );
  const weekdayChoices = WEEKDAYS.map((day) => ({ value: day, label: weekdayName(day, locale) }));
  const choices = REPEAT_FREQUENCIES.map((value) => ({ value, label: t(`followups.form.repeat.${value}`) }));
  const keep = keptRule
    ? [{ value: 'keep', label: t('followups.form.repeat.keep', { rule: keptRule }) }]
    : [];
  return (
    <>
      <SelectField
        name="repeat"
        label={t('followups.form.repeat')}
        value={values.repeat}
        error={errors.repeat}
        onChange={(value) => change('repeat', value)}
        choices={[...keep, ...choices]}
      />
      {values.repeat === 'none' || values.repeat === 'keep' ? null : (
        <>
          {text('repeatInterval', t(`followups.form.every.${values.repeat}`))}
          {values.repeat === 'weekly' ? (
            <fieldset className="field field-wide weekday-picker">
              <legend>{t('followups.form.weekdays')}</legend>
              <div className="weekday-options">
                {WEEKDAYS.map((day) => (
                  <label key={day} className="checkbox-field">
                    <input
                      type="checkbox"
                      name="repeatWeekdays"
                      checked={chosen.includes(day)}
                      aria-invalid={errors.repeatWeekdays ? true : undefined}
                      onChange={(event) =>
                        change(
                          'repeatWeekdays',
                          (event.target.checked ? [...chosen, day] : chosen.filter((d) => d !== day)).join(
                            ',',
                          ),
                        )
                      }
                    />
                    {weekdayName(day, locale, 'short')}
                  </label>
                ))}
              </div>
              {errors.repeatWeekdays ? <p className="field-error">{errors.repeatWeekdays}</p> : null}
            </fieldset>
          ) : null}
          {values.repeat === 'monthly' ? (
            <>
              <SelectField
                name="repeatMonthly"
                label={t('followups.form.monthlyBy')}
                value={values.repeatMonthly}
                onChange={(value) => change('repeatMonthly', value)}
                choices={(['day', 'last'] as const).map((value) => ({
                  value,
                  label: t(`followups.form.monthlyBy.${value}`),
                }))}
              />
              {values.repeatMonthly === 'day' ? (
                text('repeatMonthDay', t('followups.form.monthDay'))
              ) : (
                <SelectField
                  name="repeatLastWeekday"
                  label={t('followups.form.lastWeekday')}
                  value={values.repeatLastWeekday}
                  onChange={(value) => change('repeatLastWeekday', value)}
                  choices={weekdayChoices}
                />
              )}
            </>
          ) : null}
          <SelectField
            name="repeatEnds"
            label={t('followups.form.ends')}
            value={values.repeatEnds}
            onChange={(value) => change('repeatEnds', value)}
            choices={(['never', 'count', 'until'] as const).map((value) => ({
              value,
              label: t(`followups.form.ends.${value}`),
            }))}
          />
          {values.repeatEnds === 'count' ? text('repeatCount', t('followups.form.count')) : null}
          {values.repeatEnds === 'until' ? text('repeatUntil', t('followups.form.until'), 'date') : null}
        </>
      )}
    </>
  );
}
