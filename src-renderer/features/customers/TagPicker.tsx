import type { Tag } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { TagChip } from './TagChip';

interface TagPickerProps {
  tags: readonly Tag[];
  selected: readonly number[];
  error?: string;
  onToggle: (id: number) => void;
}

/** Tags as toggle chips: Tab to one, Space to pick it. */
export function TagPicker({ tags, selected, error, onToggle }: TagPickerProps) {
  const t = useT();
  return (
    <fieldset className={`field field-wide tag-picker${error ? ' field-invalid' : ''}`}>
      <legend>{t('customer.field.tags')}</legend>
      {tags.length === 0 ? (
        <p className="muted">{t('customer.form.noTags')}</p>
      ) : (
        <div className="tag-options">
          {tags.map((tag) => (
            <button
              key={tag.id}
              type="button"
              name="tagIds"
              className="tag-toggle"
              aria-pressed={selected.includes(tag.id)}
              onClick={() => onToggle(tag.id)}
            >
              <TagChip name={tag.name} color={tag.color} />
            </button>
          ))}
        </div>
      )}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
