import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand';
import type { AnalyticsState } from '../features/analytics/useAnalyticsStore';
import type { RankedCustomersState } from '../features/analytics/useRankedCustomersStore';
import type { CustomerDetailState } from '../features/customers/useCustomerDetailStore';
import type { CustomerState } from '../features/customers/useCustomerStore';
import type { DuplicatesState } from '../features/duplicates/useDuplicatesStore';
import type { ExportState } from '../features/exports/useExportStore';
import type { ImportHistoryState } from '../features/imports/useImportHistoryStore';
import type { ImportState } from '../features/imports/useImportStore';
import type { FollowUpsState } from '../features/followups/useFollowUpsStore';
import type { KeepInTouchState } from '../features/followups/useKeepInTouchStore';
import type { QuickCaptureState } from '../features/followups/useQuickCaptureStore';
import type { RemindersState } from '../features/followups/useRemindersStore';
import type { TaskListState } from '../features/followups/useTaskListStore';
import type { TaskRulesState } from '../features/followups/useTaskRulesStore';
import type { CustomerDealsState } from '../features/pipeline/useCustomerDealsStore';
import type { DealEditorState } from '../features/pipeline/useDealEditorStore';
import type { DealListState } from '../features/pipeline/useDealListStore';
import type { DealStagesState } from '../features/pipeline/useDealStagesStore';
import type { ForecastState } from '../features/pipeline/useForecastStore';
import type { PipelineState } from '../features/pipeline/usePipelineStore';
import type { SavedViewsState } from '../features/customers/useSavedViewsStore';
import type { SearchState } from '../features/search/useSearchStore';
import type { CustomFieldsState } from '../features/settings/useCustomFieldsStore';
import type { SettingsState } from '../features/settings/useSettingsStore';
import type { TagsState } from '../features/settings/useTagsStore';
import type { TrashState } from '../features/trash/useTrashStore';

/**
 * The stores that talk to the backend. They are created once, around one API client, in main.tsx
 * and handed down through context, so a test or a demo can build them around another client.
 */
export interface AppStores {
  customers: StoreApi<CustomerState>;
  customerDetail: StoreApi<CustomerDetailState>;
  savedViews: StoreApi<SavedViewsState>;
  trash: StoreApi<TrashState>;
  settings: StoreApi<SettingsState>;
  tags: StoreApi<TagsState>;
  customFields: StoreApi<CustomFieldsState>;
  search: StoreApi<SearchState>;
  duplicates: StoreApi<DuplicatesState>;
  imports: StoreApi<ImportState>;
  importHistory: StoreApi<ImportHistoryState>;
  exports: StoreApi<ExportState>;
  analytics: StoreApi<AnalyticsState>;
  rankedCustomers: StoreApi<RankedCustomersState>;
  dealStages: StoreApi<DealStagesState>;
  pipeline: StoreApi<PipelineState>;
  dealList: StoreApi<DealListState>;
  forecast: StoreApi<ForecastState>;
  dealEditor: StoreApi<DealEditorState>;
  customerDeals: StoreApi<CustomerDealsState>;
  followUps: StoreApi<FollowUpsState>;
  /** The open follow-ups of the customer page being shown, and of the deal dialog. */
  customerTasks: StoreApi<TaskListState>;
  dealTasks: StoreApi<TaskListState>;
  keepInTouch: StoreApi<KeepInTouchState>;
  taskRules: StoreApi<TaskRulesState>;
  reminders: StoreApi<RemindersState>;
  quickCapture: StoreApi<QuickCaptureState>;
}

export const StoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useAppStores must be used inside <StoresContext.Provider>');
  return stores;
}
