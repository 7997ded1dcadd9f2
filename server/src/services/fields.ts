import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, BUILT_IN_FIELD_KEYS, UID, type FieldType } from '../constants';
import { ValidationError, NotFoundError } from '../errors';
import { getDialect } from '../database/dialect';
import type { FieldDefinition } from '../constants';

export interface FieldRecord extends FieldDefinition {
  id: number;
  documentId: string;
  position: number;
}

export interface FieldInput {
  key?: string;
  label?: string;
  type?: FieldType;
  options?: string[] | null;
  allowUnknownValues?: boolean;
  required?: boolean;
  position?: number;
}

const CONTACTS_TABLE = 'contacts_contacts';

const createFieldsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const docs = () => strapi.documents(UID.field as any);

  /** Contacts holding a value for a custom field (its key in `attributes`). */
  const usage = async (key: string): Promise<number> => {
    const d = getDialect();
    const b = d.jsonKeyBinding(key);
    const [{ count }] = await strapi.db
      .connection(CONTACTS_TABLE)
      .whereRaw(d.jsonHasKey('attributes'), [b, b])
      .count({ count: '*' });
    return Number(count);
  };

  const service = {
    async list(): Promise<FieldRecord[]> {
      const rows = (await docs().findMany({ sort: [{ builtIn: 'desc' }, { position: 'asc' }, { id: 'asc' }] as any })) as any[];
      return rows.map((r) => ({ ...r, options: r.options ?? [] }));
    },

    async customFields(): Promise<FieldRecord[]> {
      return (await service.list()).filter((f) => !f.builtIn);
    },

    async findOne(documentId: string): Promise<FieldRecord & { usage: number }> {
      const field = (await docs().findOne({ documentId })) as FieldRecord | null;
      if (!field) throw new NotFoundError('Field not found');
      return { ...field, options: field.options ?? [], usage: field.builtIn ? 0 : await usage(field.key) };
    },

    usage,

    async create(input: FieldInput): Promise<FieldRecord> {
      const key = input.key!;
      if (BUILT_IN_FIELD_KEYS.includes(key)) {
        throw new ValidationError(`"${key}" is a built-in contact field; choose another key`, { key });
      }
      const existing = await docs().findFirst({ filters: { key } });
      if (existing) throw new ValidationError(`A field with the key "${key}" already exists`, { key });
      const position = input.position ?? (await strapi.db.query(UID.field as any).count({})) + 1;
      return (await docs().create({
        data: { ...input, key, builtIn: false, position, options: input.options ?? [] } as any,
      })) as unknown as FieldRecord;
    },

    async update(documentId: string, input: FieldInput): Promise<FieldRecord> {
      const field = await service.findOne(documentId);
      if (input.key !== undefined && input.key !== field.key) {
        throw new ValidationError('The key of a field cannot change: contacts store their values under it', {
          key: field.key,
        });
      }
      if (field.builtIn) {
        const changed = (['type', 'options', 'required'] as const).filter(
          (k) => input[k] !== undefined && JSON.stringify(input[k]) !== JSON.stringify(field[k] ?? (k === 'options' ? [] : false))
        );
        if (changed.length) {
          throw new ValidationError(`A built-in field only allows its label and position to change (not ${changed.join(', ')})`);
        }
      }
      if (input.type && input.type !== field.type && field.usage > 0) {
        throw new ValidationError(
          `The type of "${field.key}" cannot change while ${field.usage} contact(s) hold a value for it`,
          { usage: field.usage }
        );
      }
      // Same rule as on create, applied to the field as it will be after the change.
      const type = input.type ?? field.type;
      const options = input.options !== undefined ? input.options ?? [] : field.options ?? [];
      const allowUnknown = input.allowUnknownValues ?? field.allowUnknownValues;
      if (!field.builtIn && ['select', 'multiselect'].includes(type) && !allowUnknown && options.length === 0) {
        throw new ValidationError('a select or multiselect field needs at least one option, or allowUnknownValues');
      }
      const { key: _key, ...data } = input;
      return (await docs().update({ documentId, data: data as any })) as unknown as FieldRecord;
    },

    /** Deletes a custom field and, in the same transaction, its values on every contact. */
    async delete(documentId: string, { confirm = false } = {}): Promise<{ usage: number }> {
      const field = await service.findOne(documentId);
      if (field.builtIn) throw new ValidationError('Built-in fields cannot be deleted');
      if (field.usage > 0 && !confirm) {
        throw new ValidationError(
          `${field.usage} contact(s) hold a value for "${field.label}"; repeat with ?confirm=true to delete the field and these values`,
          { usage: field.usage, confirmRequired: true }
        );
      }
      const d = getDialect();
      const b = d.jsonKeyBinding(field.key);
      await strapi.db.transaction(async ({ trx }) => {
        if (field.usage > 0) {
          await trx(CONTACTS_TABLE)
            .whereRaw(d.jsonHasKey('attributes'), [b, b])
            .update({ attributes: trx.raw(d.jsonRemoveKey('attributes'), [b]) });
        }
        await trx('contacts_fields').where({ document_id: documentId }).delete();
      });
      strapi.plugin('contacts').service('contacts').changed();
      return { usage: field.usage };
    },

    /** Inserts the built-in fields that are missing; safe to run on every boot and on every instance. */
    async seedBuiltIns(): Promise<void> {
      const existing = new Set(
        ((await strapi.db.query(UID.field as any).findMany({ where: { builtIn: true }, select: ['key'] })) as any[]).map(
          (f) => f.key
        )
      );
      let position = 0;
      for (const f of BUILT_IN_FIELDS) {
        position += 1;
        if (existing.has(f.key)) continue;
        await docs().create({
          data: { key: f.key, label: f.label, type: f.type, options: f.options ? [...f.options] : [], builtIn: true, position } as any,
        });
      }
    },
  };
  return service;
};

export default createFieldsService;
export type FieldsService = ReturnType<typeof createFieldsService>;
