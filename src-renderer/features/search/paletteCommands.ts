import type { MessageKey } from '../../i18n/useI18n';
import type { Page } from '../../app/useRouteStore';

/** What the palette can do besides finding customers; filtered by the typed text like the results. */
export interface PaletteCommand {
  id: string;
  label: MessageKey;
  run: { kind: 'navigate'; page: Exclude<Page, 'customer'> } | { kind: 'newCustomer' };
}

export const PALETTE_COMMANDS: PaletteCommand[] = [
  { id: 'new-customer', label: 'palette.command.newCustomer', run: { kind: 'newCustomer' } },
  { id: 'go-dashboard', label: 'palette.command.goDashboard', run: { kind: 'navigate', page: 'dashboard' } },
  { id: 'go-today', label: 'palette.command.goToday', run: { kind: 'navigate', page: 'today' } },
  { id: 'go-customers', label: 'palette.command.goCustomers', run: { kind: 'navigate', page: 'customers' } },
  { id: 'go-pipeline', label: 'palette.command.goPipeline', run: { kind: 'navigate', page: 'pipeline' } },
  { id: 'go-deals', label: 'palette.command.goDeals', run: { kind: 'navigate', page: 'deals' } },
  { id: 'go-forecast', label: 'palette.command.goForecast', run: { kind: 'navigate', page: 'forecast' } },
  { id: 'go-segments', label: 'palette.command.goSegments', run: { kind: 'navigate', page: 'segments' } },
  { id: 'go-clusters', label: 'palette.command.goClusters', run: { kind: 'navigate', page: 'clusters' } },
  { id: 'go-churn', label: 'palette.command.goChurn', run: { kind: 'navigate', page: 'churn' } },
  { id: 'go-value', label: 'palette.command.goValue', run: { kind: 'navigate', page: 'value' } },
  {
    id: 'go-duplicates',
    label: 'palette.command.goDuplicates',
    run: { kind: 'navigate', page: 'duplicates' },
  },
  { id: 'go-import', label: 'palette.command.goImport', run: { kind: 'navigate', page: 'import' } },
  { id: 'go-trash', label: 'palette.command.goTrash', run: { kind: 'navigate', page: 'trash' } },
  { id: 'go-settings', label: 'palette.command.goSettings', run: { kind: 'navigate', page: 'settings' } },
];
