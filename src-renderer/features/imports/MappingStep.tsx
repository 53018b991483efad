import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { IMPORT_TARGETS } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { useCustomFieldsStore } from '../settings/useCustomFieldsStore';
import { StepNav } from './StepNav';
import { columnName, targetLabel } from './importLabels';
import { ImportOptionsPanel } from './ImportOptionsPanel';
import { hasMappedColumn } from './mappingState';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { useImportStore } from './useImportStore';

/** How many sample values a column shows next to its header. */
const SAMPLES_SHOWN = 3;

/** What a column can go to: the kind's fields, a customer's custom fields, or nowhere. */
function useTargetChoices(): { value: string; label: string }[] {
  const t = useT();
  const kind = useImportStore((s) => s.kind);
  const { customFields, ensureLoaded } = useCustomFieldsStore(
    useShallow((s) => ({ customFields: s.items, ensureLoaded: s.ensureLoaded })),
  );
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  const custom = kind === 'customers' ? customFields.map((field) => `custom:${field.id}`) : [];
  return [...IMPORT_TARGETS[kind], ...custom].map((target) => ({
    value: target,
    label: targetLabel(t, target, customFields),
  }));
}

/** The saved mappings of this kind, to apply to the file in one go. */
function TemplatePicker() {
  const t = useT();
  const { templates, applyTemplate } = useImportStore(
    useShallow((s) => ({ templates: s.templates, applyTemplate: s.applyTemplate })),
  );
  if (templates.length === 0) return null;
  return (
    <label className="inline-field">
      <span>{t('imports.mapping.useTemplate')}</span>
      <select
        value=""
        onChange={(event) => {
          if (event.target.value) applyTemplate(Number(event.target.value));
        }}
      >
        <option value="">{t('imports.mapping.pickTemplate')}</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Step 3: every column to a field (or ignored), suggestions pre-selected, and how matches are handled. */
export function MappingStep() {
  const t = useT();
  const { preview, mapping, kind, updateMapping, loadTemplates, check, goTo } = useImportStore(
    useShallow((s) => ({
      preview: s.preview,
      mapping: s.mapping,
      kind: s.kind,
      updateMapping: s.updateMapping,
      loadTemplates: s.loadTemplates,
      check: s.check,
      goTo: s.goTo,
    })),
  );
  const choices = useTargetChoices();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates, kind]);

  if (!preview) return null;
  return (
    <div className="import-step">
      <div className="import-template-bar">
        {preview.template ? (
          <p>{t('imports.mapping.fromTemplate', { name: preview.template.name })}</p>
        ) : (
          <p className="muted">{t('imports.mapping.suggested')}</p>
        )}
        <TemplatePicker />
        <button type="button" className="button" onClick={() => setSaving(true)}>
          {t('imports.mapping.saveTemplate')}
        </button>
      </div>

      <table className="import-table mapping-table">
        <caption className="visually-hidden">{t('imports.mapping.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.mapping.column')}</th>
            <th scope="col">{t('imports.mapping.samples')}</th>
            <th scope="col">{t('imports.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((column) => {
            const name = columnName(t, column.header, column.index);
            const target = mapping[column.index] ?? null;
            return (
              <tr key={column.index} className={target === null ? 'mapping-ignored' : undefined}>
                <th scope="row">{name}</th>
                <td>
                  <div className="mapping-samples">
                    {column.samples.slice(0, SAMPLES_SHOWN).map((sample, index) => (
                      <span key={index}>{sample}</span>
                    ))}
                  </div>
                </td>
                <td>
                  <select
                    aria-label={t('imports.mapping.targetFor', { column: name })}
                    value={target ?? ''}
                    onChange={(event) =>
                      updateMapping({ type: 'set', column: column.index, target: event.target.value || null })
                    }
                  >
                    <option value="">{t('imports.mapping.ignore')}</option>
                    {choices.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <ImportOptionsPanel />

      <StepNav
        onBack={() => goTo('reading')}
        next={{
          label: t('imports.mapping.check'),
          disabled: !hasMappedColumn(mapping),
          onClick: () => void check(),
        }}
      />
      {saving ? <SaveTemplateDialog onClose={() => setSaving(false)} /> : null}
    </div>
  );
}
