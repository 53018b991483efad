import type { Language } from '../../../src-shared/contract';
import { LANGUAGES } from '../../../src-shared/contract';
import { resolveLocale } from '../../i18n/locale';
import { useT } from '../../i18n/useI18n';
import { useSettingsStore } from './useSettingsStore';

const SYSTEM = 'system';

export function LanguageSection() {
  const t = useT();
  const language = useSettingsStore((s) => s.language);
  const setLanguage = useSettingsStore((s) => s.setLanguage);
  const systemLocale = resolveLocale(null, navigator.language);
  const options: { value: Language | typeof SYSTEM; label: string }[] = [
    {
      value: SYSTEM,
      label: t('settings.language.system', { language: t(`settings.language.${systemLocale}`) }),
    },
    // Each language is named in itself, so it can be found whatever the current language is.
    ...LANGUAGES.map((value) => ({ value, label: t(`settings.language.${value}`) })),
  ];

  return (
    <section className="card" aria-labelledby="settings-language">
      <fieldset className="radio-group">
        <legend id="settings-language">{t('settings.language.title')}</legend>
        <p className="hint">{t('settings.language.hint')}</p>
        {options.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="language"
              value={option.value}
              checked={(language ?? SYSTEM) === option.value}
              onChange={() => void setLanguage(option.value === SYSTEM ? null : option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
