import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/useI18n';
import { CheckStep } from './CheckStep';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { MappingStep } from './MappingStep';
import { ReadingStep } from './ReadingStep';
import { ResultStep } from './ResultStep';
import { IMPORT_STEPS, useImportStore, type ImportStep } from './useImportStore';

const STEP_VIEWS: Record<ImportStep, () => React.JSX.Element | null> = {
  file: FileStep,
  reading: ReadingStep,
  mapping: MappingStep,
  check: CheckStep,
  result: ResultStep,
};

/**
 * The import wizard (file, reading, mapping, check, result) above the history of past imports.
 * The wizard's state lives in its store, so leaving the page and coming back keeps the place.
 */
export function ImportPage() {
  const t = useT();
  const { step, kind } = useImportStore(useShallow((s) => ({ step: s.step, kind: s.kind })));
  const current = IMPORT_STEPS.indexOf(step);
  const StepView = STEP_VIEWS[step];
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  // A new step replaces the panel under the keyboard's focus: move it to the step's title.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    titleRef.current?.focus();
  }, [step]);
  return (
    <div className="import-page">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <section className="import-wizard" aria-labelledby="import-step-title">
        <ol className="import-steps" aria-label={t('imports.steps')}>
          {IMPORT_STEPS.map((name, index) => (
            <li
              key={name}
              aria-current={index === current ? 'step' : undefined}
              className={index < current ? 'import-step-done' : undefined}
            >
              <span className="import-step-number" aria-hidden="true">
                {index + 1}
              </span>
              {t(`imports.step.${name}`)}
            </li>
          ))}
        </ol>
        <h2 id="import-step-title" className="import-step-title" ref={titleRef} tabIndex={-1}>
          {t(`imports.stepTitle.${step}`, { kind: t(`imports.kind.${kind}`) })}
        </h2>
        <StepView />
      </section>
      <ImportHistory />
    </div>
  );
}
