import type { HistoryChoice } from '../../hooks/useHistoryChoices';

/*
 * What tells a recurring import from a scheduled export on their page
 * (SchedulesPage) and in their form (ScheduleFormModal): the rows' test id,
 * the history one is made from, and the words.
 */

/** The words of a kind's page, besides its source or destination column. */
export type PageWord = 'title' | 'subtitle' | 'create' | 'column.name' | 'loading' | 'empty' | 'delete.title' | 'delete.confirm' | 'delete.success' | 'delete.body';

/** The words of a kind's form; K names the history entry it is made from. */
export type FormWord<K extends string> = 'created' | 'saved' | 'form.createTitle' | 'form.editTitle' | 'form.create' | 'form.name' | `form.${K}` | `form.${K}.${'hint' | 'loading' | 'pick' | 'none'}`;

interface Worded<W extends string> {
  /** Of the translation ids: "recurring" reads recurring.title, recurring.form.name… */
  prefix: string;
  /** English by id suffix, for a locale without the translation. */
  words: Record<W, string>;
}

export interface SchedulesPageKind<C extends string> extends Worded<PageWord | C> {
  /** "recurring-import" or "scheduled-export". */
  testId: string;
  /** The id suffix of the source or destination column. */
  whatColumn: C;
}

export interface ScheduleFormKind<K extends string> extends Worded<FormWord<K>> {
  history: 'imports' | 'exports';
  /** The entries of the history the server accepts to make one from. */
  usable: (c: HistoryChoice) => boolean;
  /** The create body's key for the picked entry, also where the server's error about it shows. */
  fromField: K;
}

export const RECURRING_IMPORTS: SchedulesPageKind<'column.source'> & ScheduleFormKind<'fromImport'> = {
  testId: 'recurring-import',
  prefix: 'recurring',
  whatColumn: 'column.source',
  history: 'imports',
  // The server takes an import once started: its mapping is resolved and its new fields exist.
  usable: (c) => c.status !== 'draft',
  fromField: 'fromImport',
  words: {
    title: 'Recurring imports',
    subtitle: '{total, plural, =0 {No recurring import} one {# recurring import} other {# recurring imports}}',
    create: 'New recurring import',
    'column.name': 'Recurring import',
    'column.source': 'From',
    loading: 'Loading recurring imports…',
    empty: 'No recurring import yet. Import a file once, then make it recurring here.',
    'delete.title': 'Delete this recurring import?',
    'delete.confirm': 'Delete',
    'delete.success': 'Recurring import deleted',
    'delete.body': '"{name}" stops running and its credentials are erased. The imports its runs made stay in the history.',
    created: 'Recurring import created',
    saved: 'Recurring import saved',
    'form.createTitle': 'New recurring import',
    'form.editTitle': 'Edit {name}',
    'form.create': 'Create',
    'form.name': 'Name',
    'form.fromImport': 'From the import',
    'form.fromImport.hint': 'Its mapping and options are used by every run; the files must have its columns.',
    'form.fromImport.loading': 'Loading the imports…',
    'form.fromImport.pick': 'Pick an import of the history',
    'form.fromImport.none': 'No import yet: import a file once first',
  },
};

export const SCHEDULED_EXPORTS: SchedulesPageKind<'column.destination'> & ScheduleFormKind<'fromExport'> = {
  testId: 'scheduled-export',
  prefix: 'scheduled',
  whatColumn: 'column.destination',
  history: 'exports',
  // Any export of the history: only its request (scope, fields, format) is repeated.
  usable: () => true,
  fromField: 'fromExport',
  words: {
    title: 'Scheduled exports',
    subtitle: '{total, plural, =0 {No scheduled export} one {# scheduled export} other {# scheduled exports}}',
    create: 'New scheduled export',
    'column.name': 'Scheduled export',
    'column.destination': 'To',
    loading: 'Loading scheduled exports…',
    empty: 'No scheduled export yet. Export once, then schedule it here.',
    'delete.title': 'Delete this scheduled export?',
    'delete.confirm': 'Delete',
    'delete.success': 'Scheduled export deleted',
    'delete.body': '"{name}" stops running and its credentials are erased. The exports its runs made stay in the history.',
    created: 'Scheduled export created',
    saved: 'Scheduled export saved',
    'form.createTitle': 'New scheduled export',
    'form.editTitle': 'Edit {name}',
    'form.create': 'Create',
    'form.name': 'Name',
    'form.fromExport': 'From the export',
    'form.fromExport.hint': 'Its contacts, fields and format are exported again on each run.',
    'form.fromExport.loading': 'Loading the exports…',
    'form.fromExport.pick': 'Pick an export of the history',
    'form.fromExport.none': 'No export yet: export once first',
  },
};
