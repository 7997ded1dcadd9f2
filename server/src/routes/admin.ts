import { PERMISSIONS as P } from '../constants';
import { adminRoute as r } from './admin-route';

export default {
  type: 'admin' as const,
  routes: [
    // The contact form and the import mapping list the fields too.
    // The contact form and the import wizard need to know the base's key; changing it is the settings right.
    r('GET', '/settings', 'admin-settings.find', { any: [P.settings, P.contacts.read, P.imports.create] }),
    r('PUT', '/settings', 'admin-settings.update', P.settings),
    r('GET', '/settings/conflicts', 'admin-settings.conflicts', P.settings),
    r('GET', '/settings/health', 'admin-settings.health', P.settings),

    r('GET', '/fields', 'admin-fields.find', { any: [P.fields.read, P.contacts.read, P.imports.create] }),
    r('POST', '/fields', 'admin-fields.create', P.fields.create),
    r('GET', '/fields/:id', 'admin-fields.findOne', P.fields.read),
    r('PUT', '/fields/:id', 'admin-fields.update', P.fields.manage),
    r('DELETE', '/fields/:id', 'admin-fields.delete', P.fields.manage),

    r('GET', '/contacts', 'admin-contacts.find', P.contacts.read),
    r('POST', '/contacts', 'admin-contacts.create', P.contacts.create),
    // Before /contacts/:id.
    r('POST', '/contacts/bulk', 'admin-contacts.bulk', P.contacts.manage),
    r('GET', '/contacts/:id', 'admin-contacts.findOne', P.contacts.read),
    r('GET', '/contacts/:id/history', 'admin-contacts.history', P.contacts.read),
    r('PUT', '/contacts/:id', 'admin-contacts.update', P.contacts.manage),
    r('DELETE', '/contacts/:id', 'admin-contacts.delete', P.contacts.manage),

    r('GET', '/segments', 'admin-segments.find', P.segments.read),
    // Before /segments/:id. The builder's live count is a read; so is the contacts search it also serves.
    r('POST', '/segments/preview', 'admin-segments.preview', { any: [P.segments.read, P.segments.create, P.contacts.read] }),
    r('POST', '/segments', 'admin-segments.create', P.segments.create),
    r('GET', '/segments/:id', 'admin-segments.findOne', P.segments.read),
    r('PUT', '/segments/:id', 'admin-segments.update', P.segments.manage),
    r('DELETE', '/segments/:id', 'admin-segments.delete', P.segments.manage),
    r('POST', '/segments/:id/refresh', 'admin-segments.refresh', { any: [P.segments.manage, P.segments.create] }),
    r('POST', '/segments/:id/members', 'admin-segments.addMembers', P.segments.manage),
    r('POST', '/segments/:id/members/remove', 'admin-segments.removeMembers', P.segments.manage),
    r('DELETE', '/segments/:id/members', 'admin-segments.removeMembers', P.segments.manage),

    r('GET', '/mappings', 'admin-mappings.find', P.imports.create),
    r('POST', '/mappings', 'admin-mappings.create', P.imports.create),
    r('DELETE', '/mappings/:id', 'admin-mappings.delete', P.imports.manage),

    r('GET', '/imports', 'admin-imports.find', P.imports.read),
    // Before /imports/:id, which would otherwise take "limits" for an id.
    r('GET', '/imports/limits', 'admin-imports.limits', P.imports.create),
    r('POST', '/imports', 'admin-imports.create', P.imports.create),
    r('GET', '/imports/:id', 'admin-imports.findOne', P.imports.read),
    r('PATCH', '/imports/:id', 'admin-imports.update', P.imports.create),
    // The admin's useFetchClient has no patch(): the wizard sends the same partial update as PUT.
    r('PUT', '/imports/:id', 'admin-imports.update', P.imports.create),
    r('GET', '/imports/:id/preview', 'admin-imports.preview', P.imports.create),
    r('GET', '/imports/:id/errors', 'admin-imports.errors', P.imports.read),
    r('POST', '/imports/:id/start', 'admin-imports.start', P.imports.create),
    r('POST', '/imports/:id/stop', 'admin-imports.stop', P.imports.manage),
    r('POST', '/imports/:id/resume', 'admin-imports.resume', P.imports.manage),
    r('DELETE', '/imports/:id', 'admin-imports.delete', P.imports.manage),

    r('GET', '/exports', 'admin-exports.find', P.exports.read),
    r('POST', '/exports', 'admin-exports.create', P.exports.create),
    r('GET', '/exports/:id', 'admin-exports.findOne', P.exports.read),
    r('GET', '/exports/:id/download', 'admin-exports.download', P.exports.read),
    r('DELETE', '/exports/:id', 'admin-exports.delete', P.exports.manage),

    r('GET', '/recurring-imports', 'admin-recurring-imports.find', P.imports.read),
    r('POST', '/recurring-imports', 'admin-recurring-imports.create', P.imports.create),
    // Before /recurring-imports/:id: a source not saved yet.
    r('POST', '/recurring-imports/test', 'admin-recurring-imports.test', P.imports.create),
    r('GET', '/recurring-imports/:id', 'admin-recurring-imports.findOne', P.imports.read),
    r('PUT', '/recurring-imports/:id', 'admin-recurring-imports.update', P.imports.manage),
    r('DELETE', '/recurring-imports/:id', 'admin-recurring-imports.delete', P.imports.manage),
    r('POST', '/recurring-imports/:id/run', 'admin-recurring-imports.run', P.imports.create),
    r('POST', '/recurring-imports/:id/test', 'admin-recurring-imports.test', P.imports.create),
    r('GET', '/recurring-imports/:id/runs', 'admin-recurring-imports.runs', P.imports.read),

    r('GET', '/scheduled-exports', 'admin-scheduled-exports.find', P.exports.read),
    r('POST', '/scheduled-exports', 'admin-scheduled-exports.create', P.exports.create),
    r('POST', '/scheduled-exports/test', 'admin-scheduled-exports.test', P.exports.create),
    r('GET', '/scheduled-exports/:id', 'admin-scheduled-exports.findOne', P.exports.read),
    r('PUT', '/scheduled-exports/:id', 'admin-scheduled-exports.update', P.exports.manage),
    r('DELETE', '/scheduled-exports/:id', 'admin-scheduled-exports.delete', P.exports.manage),
    r('POST', '/scheduled-exports/:id/run', 'admin-scheduled-exports.run', P.exports.create),
    r('POST', '/scheduled-exports/:id/test', 'admin-scheduled-exports.test', P.exports.create),
    r('GET', '/scheduled-exports/:id/runs', 'admin-scheduled-exports.runs', P.exports.read),
  ],
};
