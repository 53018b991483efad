import { builtInChoiceNamesEn } from '../../../src-shared/i18n/builtInChoices';
/** The Settings page's sections and the names of the built-in list entries. Spread into en.ts. */
export const settingsEn = {
  ...builtInChoiceNamesEn,

  'settings.saved': 'Settings saved',

  'settings.lists.source.title': 'Lead sources',
  'settings.lists.source.hint':
    'Where customers come from. Customers keep a source even after you remove it here.',
  'settings.lists.source.nameAria': 'Name of source {position}',
  'settings.lists.source.new': 'New source',
  'settings.lists.stage.title': 'Lifecycle stages',
  'settings.lists.stage.hint':
    'The stages a customer moves through. Customers keep a stage even after you remove it here.',
  'settings.lists.stage.nameAria': 'Name of stage {position}',
  'settings.lists.stage.new': 'New stage',
  'settings.lists.builtInHint':
    'Built-in entries can be renamed; leave the name empty to use the standard one.',
  'settings.lists.add': 'Add',
  'settings.lists.moveUp': 'Move {name} up',
  'settings.lists.moveDown': 'Move {name} down',
  'settings.lists.remove': 'Remove {name}',
  'settings.lists.duplicate': 'This name is already in the list',

  'settings.tags.title': 'Tags',
  'settings.tags.hint':
    'Colored labels for customers. Deleting a tag hides it; Undo puts it back on everyone who had it.',
  'settings.tags.listLabel': 'Your tags',
  'settings.tags.empty': 'No tags yet.',
  'settings.tags.name': 'Tag name',
  'settings.tags.color': 'Color',
  'settings.tags.add': 'Add tag',
  'settings.tags.countOne': '1 customer',
  'settings.tags.count': '{count} customers',
  'settings.tags.nameTaken': 'A tag with this name already exists',
  'settings.tags.editAria': 'Edit tag {name}',
  'settings.tags.deleteAria': 'Delete tag {name}',
  'settings.tags.created': 'Tag added: {name}',
  'settings.tags.deleted': 'Tag deleted: {name}',

  'settings.fields.title': 'Custom fields',
  'settings.fields.hint': 'Your own customer fields. The type cannot change once a field exists.',
  'settings.fields.listLabel': 'Your custom fields',
  'settings.fields.empty': 'No custom fields yet.',
  'settings.fields.label': 'Field name',
  'settings.fields.type': 'Type',
  'settings.fields.type.text': 'Text',
  'settings.fields.type.number': 'Number',
  'settings.fields.type.date': 'Date',
  'settings.fields.type.select': 'Single choice',
  'settings.fields.options': 'Choices (one per line)',
  'settings.fields.optionsRequired': 'Add at least one choice',
  'settings.fields.optionsTwice': 'Each choice can appear only once',
  'settings.fields.add': 'Add field',
  'settings.fields.editAria': 'Edit field {name}',
  'settings.fields.deleteAria': 'Delete field {name}',
  'settings.fields.created': 'Field added: {name}',
  'settings.fields.deleted': 'Field deleted: {name}',

  'settings.prefs.title': 'Defaults',
  'settings.prefs.region': 'Default phone region',
  'settings.prefs.regionHint': 'Assumed for phone numbers typed without a + country code.',
  'settings.prefs.regionAuto': 'Automatic: {region}',
  'settings.prefs.regionAutoNone': 'Automatic: none (type numbers with their + country code)',
  'settings.prefs.currency': 'Currency',
  'settings.prefs.currencyHint': 'Three-letter ISO 4217 code, such as CNY or USD.',
  'settings.prefs.currencyInvalid': 'Enter a three-letter currency code such as CNY',
  'settings.prefs.purgeDays': 'Trash purge age (days)',
  'settings.prefs.purgeDaysHint':
    'Emptying the trash erases customers deleted longer ago than this. It only happens when you ask.',
  'settings.prefs.purgeDaysInvalid': 'Enter a whole number of days from 1 to 3650',
} satisfies Record<string, string>;
