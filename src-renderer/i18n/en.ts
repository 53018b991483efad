import { customerListEn } from './catalogs/customerList.en';
import { settingsEn } from './catalogs/settings.en';
import { searchEn } from './catalogs/search.en';
import { customerEn } from './catalogs/customer.en';
import { duplicatesEn } from './catalogs/duplicates.en';
import { importsEn } from './catalogs/imports.en';
import { analyticsEn } from './catalogs/analytics.en';
import { analyticsModelsEn } from './catalogs/analyticsModels.en';
import { pipelineEn } from './catalogs/pipeline.en';
import { followupsEn } from './catalogs/followups.en';

/**
 * The English catalog is the source of message keys: every other catalog must have exactly
 * these keys (checked by the type below and by tests/unit/i18n.test.ts).
 * `{name}` placeholders are filled by `t()`; numbers are formatted for the locale.
 */
export const en = {
  ...settingsEn,
  ...searchEn,
  ...customerEn,
  ...customerListEn,
  ...duplicatesEn,
  ...importsEn,
  ...analyticsEn,
  ...analyticsModelsEn,
  ...pipelineEn,
  ...followupsEn,
  'app.name': 'SoloCRM',
  'app.tagline': 'Local-first CRM',
  'app.documentTitle': '{page} · SoloCRM',
  'app.loading': 'Loading…',
  'app.loadFailed': 'SoloCRM could not load its data.',

  'nav.label': 'Main navigation',
  'nav.dashboard': 'Dashboard',
  'nav.customers': 'Customers',
  'nav.analysis': 'Analysis',
  'nav.segments': 'Segments',
  'nav.clusters': 'Clusters',
  'nav.churn': 'Churn risk',
  'nav.value': 'Lifetime value',
  'nav.customer': 'Customer',
  'nav.duplicates': 'Duplicates',
  'nav.trash': 'Trash',
  'nav.settings': 'Settings',

  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.close': 'Close',
  'common.undo': 'Undo',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.restore': 'Restore',
  'common.dismiss': 'Dismiss',
  'common.notifications': 'Notifications',

  'table.loading': 'Loading…',
  'table.emptyCell': '—',

  'customers.title': 'Customers',
  'customers.subtitle': '{count} in total',
  'customers.new': 'New customer',
  'customers.newShortcut': 'N',
  'customers.tableLabel': 'Customer list',
  'customers.empty.title': 'No customers yet',
  'customers.empty.body':
    'Start by adding your first customer. Only the name is required; you can fill in the rest later. Or import your contacts from a CSV or vCard file, or load demo data to look around first.',
  'customers.empty.action': 'Add your first customer',
  'customers.form.createTitle': 'New customer',
  'customers.form.editTitle': 'Edit customer',
  'customers.form.requiredMark': 'required',
  'customers.field.name': 'Name',
  'customers.field.company': 'Company',
  'customers.field.email': 'Email',
  'customers.field.phone': 'Phone',
  'customers.field.city': 'City',
  'customers.field.notes': 'Notes',
  'customers.field.createdAt': 'Added',
  'customers.field.updatedAt': 'Updated',
  'customers.field.deletedAt': 'Deleted',
  'customers.field.actions': 'Actions',
  'customers.toast.created': 'Customer added: {name}',
  'customers.toast.updated': 'Changes saved: {name}',
  'customers.toast.trashed': 'Moved to trash: {name}',
  'customers.toast.restored': 'Restored: {name}',

  'trash.title': 'Trash',
  'trash.subtitle': 'Deleted customers stay here until you restore them, or erase them for good.',
  'trash.purge.button': 'Erase older than {days} days…',
  'trash.purge.title': 'Erase old customers for good?',
  'trash.purge.body':
    'Customers that have been in the trash for more than {days} days are erased, with their orders, conversations and feedback. This cannot be undone. (The age is set in Settings.)',
  'trash.purge.confirm': 'Erase for good',
  'trash.purge.done': '{count} customers erased',
  'trash.tableLabel': 'Deleted customers',
  'trash.empty.title': 'The trash is empty',
  'trash.empty.body': 'Customers you delete appear here, and you can restore them at any time.',
  'trash.restoreAria': 'Restore {name}',

  'settings.title': 'Settings',
  'settings.language.title': 'Language',
  'settings.language.hint': 'Used for menus, messages, dates and numbers.',
  'settings.language.system': 'Follow the system ({language})',
  'settings.language.zh-CN': '简体中文',
  'settings.language.en': 'English',
  'settings.about.title': 'About',
  'settings.about.version': 'Version',
  'settings.about.door': 'Running as',
  'settings.about.dataDir': 'Data folder',
  'settings.about.databaseFile': 'Database file',
  'settings.about.schemaVersion': 'Database schema',

  'door.electron': 'Desktop app',
  'door.web': 'Local web page',
  'door.cli': 'Command line',
  'door.test': 'Test harness',

  'issue.required': 'This field is required',
  'issue.email': 'Enter a valid email address',
  'issue.too_long': 'Use at most {max} characters',
  'issue.too_small': 'Use at least {min} characters',
  'issue.unknown_field': 'This field is not supported',
  'issue.invalid': 'This value is not valid',
  'issue.date': 'Enter a real date (YYYY-MM-DD), not in the future where that makes no sense',
  'issue.number': 'Enter a number',
  'issue.option': 'Pick one of the choices',

  'error.VALIDATION': 'Some fields need attention.',
  'error.NOT_FOUND': 'That record no longer exists. It may have been deleted elsewhere.',
  'error.CONFLICT': 'The data changed elsewhere. Refresh and try again.',
  'error.IO': 'Could not read or write the data. Check the disk and try again.',
  'error.UNKNOWN_CHANNEL': 'This version of SoloCRM does not support that action. Restart the app.',
  'error.FORBIDDEN': 'This session is no longer valid. Reopen SoloCRM.',
  'error.CANCELLED': 'The operation was cancelled.',
  'error.DB_UNREADABLE': 'The database file cannot be read.',
  'error.DB_NEWER_VERSION': 'The database was made by a newer SoloCRM. Update the app to open it.',
  'error.MIGRATION_FAILED': 'Upgrading the database failed. A copy of the original file was kept.',
  'error.INTERNAL': 'Something unexpected went wrong.',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
