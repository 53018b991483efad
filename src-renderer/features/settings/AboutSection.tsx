import { useT } from '../../i18n/useI18n';
import { useSettingsStore } from './useSettingsStore';

export function AboutSection() {
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
