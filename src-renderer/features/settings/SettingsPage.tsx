import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/useI18n';
import { AboutSection } from './AboutSection';
import { AnalyticsSection } from './AnalyticsSection';
import { ChoiceListSection } from './ChoiceListSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { DesktopSection } from './DesktopSection';
import { FollowUpsSection } from './FollowUpsSection';
import { LanguageSection } from './LanguageSection';
import { PipelineStagesSection } from './PipelineStagesSection';
import { PreferencesSection } from './PreferencesSection';
import { StaleDaysSection } from './StaleDaysSection';
import { TagsSection } from './TagsSection';
import { TaskRulesSection } from './TaskRulesSection';

/** One column of cards, each saving on its own: a mistake in one never blocks the others. */
export function SettingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div className="settings">
        <LanguageSection />
        <TagsSection />
        <CustomFieldsSection />
        <ChoiceListSection kind="stage" />
        <ChoiceListSection kind="source" />
        <PipelineStagesSection />
        <ChoiceListSection kind="lostReason" />
        <StaleDaysSection />
        <FollowUpsSection />
        <TaskRulesSection />
        <DesktopSection />
        <PreferencesSection />
        <AnalyticsSection />
        <AboutSection />
      </div>
    </>
  );
}
