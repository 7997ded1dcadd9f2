/** The plugin's vocabularies live in shared/ (read by the server, the admin and the tests). */
export * from '../../shared/constants';
export * from '../../shared/fields';
export * from '../../shared/segments';
export * from '../../shared/exports';
export * from '../../shared/schedules';
export * from '../../shared/imports';
