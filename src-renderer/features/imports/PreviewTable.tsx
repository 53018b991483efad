import type { ImportPreview } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { columnName } from './importLabels';

/** The first rows as read, cell by cell. Cells are text nodes: a file can never inject markup. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  return (
    <div
      className="import-table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('imports.reading.previewLabel')}
    >
      <table className="import-table">
        <caption className="visually-hidden">{t('imports.reading.previewLabel')}</caption>
        <thead>
          <tr>
            {preview.columns.map((column) => (
              <th key={column.index} scope="col">
                {columnName(t, column.header, column.index)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {preview.columns.map((column) => (
                <td key={column.index}>{row[column.index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
