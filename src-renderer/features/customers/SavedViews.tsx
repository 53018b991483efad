import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SavedViewDefinition } from '../../../src-shared/contract';
import { customerChannels } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../forms/TextField';
import { describeError, describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import { sameDefinition } from './savedViewDefinition';
import { currentDefinition, useCustomerStore } from './useCustomerStore';
import { useSavedViewsStore } from './useSavedViewsStore';
import { SaveCancelActions } from '../../forms/SaveCancelActions';

const nameSchema = customerChannels['views.create'].input.shape.name;

/** Asks for a name and saves the current list under it; a bad or taken name shows at the field. */
function SaveViewDialog({ definition, onClose }: { definition: SavedViewDefinition; onClose: () => void }) {
  const t = useT();
  const create = useSavedViewsStore((s) => s.create);
  const openView = useCustomerStore((s) => s.openView);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = nameSchema.safeParse(name);
    if (!checked.success) {
      const code = checked.error.issues[0]?.code === 'too_big' ? 'too_long' : 'required';
      setError(describeIssue(t, { code, params: { max: 80 } }));
      return;
    }
    setSaving(true);
    try {
      openView(await create(checked.data, definition));
      onClose();
    } catch (caught) {
      const apiError = toApiError(caught);
      const issue = apiError.issues.find((candidate) => candidate.path === 'name');
      setSaving(false);
      setError(
        apiError.code === 'CONFLICT'
          ? t('customerList.views.nameTaken')
          : issue
            ? describeIssue(t, issue)
            : describeError(t, apiError.code),
      );
    }
  };

  return (
    <Dialog title={t('customerList.views.saveTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          name="name"
          label={t('customerList.views.name')}
          value={name}
          onChange={(value) => {
            setName(value);
            setError(undefined);
          }}
          error={error}
          required
          requiredMark={t('customers.form.requiredMark')}
          autoFocus
        />
        <SaveCancelActions saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Pick a saved view to open it; save the current list as a view; update or delete the open one. */
export function SavedViews() {
  const t = useT();
  const id = useId();
  const { views, loaded, load, update, remove } = useSavedViewsStore(
    useShallow((s) => ({
      views: s.views,
      loaded: s.loaded,
      load: s.load,
      update: s.update,
      remove: s.remove,
    })),
  );
  const { activeViewId, openView, filters, sort, columns } = useCustomerStore(
    useShallow((s) => ({
      activeViewId: s.activeViewId,
      openView: s.openView,
      filters: s.filters,
      sort: s.sort,
      columns: s.columns,
    })),
  );
  const definition = useMemo(() => currentDefinition({ filters, sort, columns }), [filters, sort, columns]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  const active = views.find((view) => view.id === activeViewId) ?? null;
  const changed = active !== null && !sameDefinition(active.definition, definition);

  return (
    <div className="saved-views">
      <label htmlFor={id}>{t('customerList.views.label')}</label>
      <select
        id={id}
        value={active ? String(active.id) : ''}
        onChange={(event) => {
          const picked = views.find((view) => String(view.id) === event.target.value) ?? null;
          openView(picked);
        }}
      >
        <option value="">{t('customerList.views.all')}</option>
        {views.map((view) => (
          <option key={view.id} value={String(view.id)}>
            {view.name}
          </option>
        ))}
      </select>
      {changed ? <span className="saved-views-changed">{t('customerList.views.changed')}</span> : null}
      {active && changed ? (
        <button type="button" className="button button-small" onClick={() => void update(active, definition)}>
          {t('customerList.views.update', { name: active.name })}
        </button>
      ) : null}
      <button type="button" className="button button-small" onClick={() => setSaving(true)}>
        {t('customerList.views.saveAs')}
      </button>
      {active ? (
        <button
          type="button"
          className="button button-small button-danger-quiet"
          onClick={() => void remove(active)}
        >
          {t('customerList.views.delete', { name: active.name })}
        </button>
      ) : null}
      {saving ? <SaveViewDialog definition={definition} onClose={() => setSaving(false)} /> : null}
    </div>
  );
}
