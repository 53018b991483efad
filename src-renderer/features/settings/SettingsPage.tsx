import type { Language } from '../../../src-shared/contract';
import { LANGUAGES } from '../../../src-shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { resolveLocale } from '../../i18n/locale';
import { useT } from '../../i18n/useI18n';
import { useSettingsStore } from './useSettingsStore';

const SYSTEM = 'system';

function LanguageSection() {
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

function AboutSection() {
  const t = useT();
  const info = useSettingsStore((s) => s.info);
  if (!info) return null;
  const rows: [string, string, boolean?][] = [
    [t('settings.about.version'), info.version],
    [t('settings.about.door'), t(`door.${info.door}`)],
    [t('settings.about.dataDir'), info.dataDir, true],
    [t('settings.about.databaseFile'), info.databaseFile, true],
    [t('settings.about.schemaVersion'), String(info.schemaVersion)],
  ];
  return (
    <section className="card" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('settings.about.title')}</h2>
      <dl className="facts">
        {rows.map(([label, value, isPath]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={isPath ? 'path' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function SettingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div className="settings">
        <LanguageSection />
        <AboutSection />
      </div>
    </>
  );
}
