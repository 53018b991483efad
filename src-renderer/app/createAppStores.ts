import type { ApiClient } from '../api';
import { createAnalyticsStore } from '../features/analytics/useAnalyticsStore';
import { createRankedCustomersStore } from '../features/analytics/useRankedCustomersStore';
import { createCustomerDetailStore } from '../features/customers/useCustomerDetailStore';
import { createCustomerStore } from '../features/customers/useCustomerStore';
import { createSavedViewsStore } from '../features/customers/useSavedViewsStore';
import { createDuplicatesStore } from '../features/duplicates/useDuplicatesStore';
import { createExportStore } from '../features/exports/useExportStore';
import { createImportHistoryStore } from '../features/imports/useImportHistoryStore';
import { createImportStore } from '../features/imports/useImportStore';
import { notifyInBrowser } from '../features/followups/browserNotifications';
import { createFollowUpsStore } from '../features/followups/useFollowUpsStore';
import { createKeepInTouchStore } from '../features/followups/useKeepInTouchStore';
import { createQuickCaptureStore } from '../features/followups/useQuickCaptureStore';
import { createRemindersStore } from '../features/followups/useRemindersStore';
import { createTaskListStore } from '../features/followups/useTaskListStore';
import { createTaskRulesStore } from '../features/followups/useTaskRulesStore';
import { createCustomerDealsStore } from '../features/pipeline/useCustomerDealsStore';
import { createDealEditorStore } from '../features/pipeline/useDealEditorStore';
import { createDealListStore } from '../features/pipeline/useDealListStore';
import { createDealStagesStore } from '../features/pipeline/useDealStagesStore';
import { createForecastStore } from '../features/pipeline/useForecastStore';
import { createPipelineStore } from '../features/pipeline/usePipelineStore';
import { createSearchStore } from '../features/search/useSearchStore';
import { createCustomFieldsStore } from '../features/settings/useCustomFieldsStore';
import { createSettingsStore } from '../features/settings/useSettingsStore';
import { createTagsStore } from '../features/settings/useTagsStore';
import { createTrashStore } from '../features/trash/useTrashStore';
import type { AppStores } from './storesContext';

export function createAppStores(api: ApiClient): AppStores {
  const settings = createSettingsStore(api);
  const reminders = createRemindersStore(api, {
    door: () => settings.getState().info?.door,
    notify: notifyInBrowser,
  });
  return {
    customers: createCustomerStore(api),
    customerDetail: createCustomerDetailStore(api),
    savedViews: createSavedViewsStore(api),
    trash: createTrashStore(api),
    settings,
    tags: createTagsStore(api),
    customFields: createCustomFieldsStore(api),
    search: createSearchStore(api),
    duplicates: createDuplicatesStore(api),
    imports: createImportStore(api),
    importHistory: createImportHistoryStore(api),
    exports: createExportStore(api),
    analytics: createAnalyticsStore(api),
    rankedCustomers: createRankedCustomersStore(api),
    dealStages: createDealStagesStore(api),
    pipeline: createPipelineStore(api),
    dealList: createDealListStore(api),
    forecast: createForecastStore(api),
    dealEditor: createDealEditorStore(api),
    customerDeals: createCustomerDealsStore(api),
    followUps: createFollowUpsStore(api, (taskId) => reminders.getState().settle(taskId)),
    customerTasks: createTaskListStore(api, 'customerId'),
    dealTasks: createTaskListStore(api, 'dealId'),
    keepInTouch: createKeepInTouchStore(api),
    taskRules: createTaskRulesStore(api),
    reminders,
    quickCapture: createQuickCaptureStore(api),
  };
}

/**
 * Another door (the CLI, a second window, an undo) may change data under us: refetch whatever this
 * page has already shown. Stores that were never loaded will load when their page opens.
 */
export function refetchOnPush(api: ApiClient, stores: AppStores): () => void {
  return api.onEvent((event) => {
    if (event.type !== 'data.changed') return;
    const { entity } = event.payload;
    if (entity === 'customers') {
      // Tag counts are counts of customers; deals and follow-ups show their customer's name; a
      // logged conversation moves the keep-in-touch due day.
      for (const store of [
        stores.customers,
        stores.trash,
        stores.tags,
        stores.duplicates,
        stores.pipeline,
        stores.dealList,
        ...followUpStores(stores),
      ]) {
        if (store.getState().loaded) void store.getState().load();
      }
    } else if (entity === 'deals') {
      // Stage counts, the board, the list, the forecast and a customer's Deals card all count deals.
      for (const store of [
        stores.dealStages,
        stores.pipeline,
        stores.dealList,
        stores.forecast,
        stores.customerDeals,
        // Follow-ups show their deal's title.
        stores.followUps,
        stores.dealTasks,
      ]) {
        if (store.getState().loaded) void store.getState().load();
      }
    } else if (entity === 'tags' || entity === 'customFields') {
      // The list's rows carry tag names and colours: a renamed tag shows renamed there too.
      const targets = entity === 'tags' ? [stores.tags, stores.customers] : [stores.customFields];
      for (const store of targets) {
        if (store.getState().loaded) void store.getState().load();
      }
    } else if (entity === 'tasks') {
      for (const store of [...followUpStores(stores), stores.taskRules]) {
        if (store.getState().loaded) void store.getState().load();
      }
    } else if (entity === 'imports') {
      if (stores.importHistory.getState().loaded) void stores.importHistory.getState().load();
    } else if (entity === 'analytics') {
      // A run started or ended: the pages' figures, their ranked lists, and the list's score columns.
      if (stores.analytics.getState().loaded) void stores.analytics.getState().load();
      stores.rankedCustomers.getState().reloadShown();
      if (stores.customers.getState().loaded) void stores.customers.getState().load();
    } else {
      void stores.settings.getState().load();
    }
  });
}

/** Everything that shows follow-ups (and the keep-in-touch due day, which a conversation moves). */
const followUpStores = (stores: AppStores) => [
  stores.followUps,
  stores.customerTasks,
  stores.dealTasks,
  stores.keepInTouch,
];
