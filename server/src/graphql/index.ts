import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { assertValidFilters } from '../controllers/validation/filters';

/** The only plugin types sites may see; every other (internal bookkeeping) type stays out of GraphQL. */
const PUBLIC: string[] = [UID.contact, UID.segment];

/** Short query name for sites; the generated `contactsContacts` stays available. */
export const CONTACTS_QUERY = 'contacts';

/**
 * GraphQL wiring, called from register() only when @strapi/plugin-graphql is
 * loaded: it must run before the graphql plugin builds its schema in bootstrap.
 */
export const registerGraphQL = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');

  // Hidden by default, so an internal type added later is not exposed by accident.
  for (const uid of Object.keys(strapi.contentTypes)) {
    if (uid.startsWith('plugin::contacts.') && !PUBLIC.includes(uid)) extension.shadowCRUD(uid).disable();
  }
  // Segments are read-only for sites, as on REST.
  extension.shadowCRUD(UID.segment).disableMutations();

  // Guards and mutation overrides: paths of fields that do not exist are ignored by the graphql plugin.
  extension.use(() => {
    const { naming } = graphql.service('utils');
    const contact = strapi.getModel(UID.contact as any);
    const crud = extension.shadowCRUD(UID.contact);
    return {
      resolvers: crud.isEnabled() && crud.areMutationsEnabled() ? contactMutationResolvers(naming, contact) : {},
      resolversConfig: filterGuards(naming, contact, strapi.getModel(UID.segment as any)),
    };
  });

  extension.use(({ nexus }: { nexus: any }) => {
    const crud = extension.shadowCRUD(UID.contact);
    if (crud.isDisabled() || crud.areQueriesDisabled() || crud.isActionDisabled('find')) return {};

    const contentType = strapi.getModel(UID.contact as any);
    const { naming } = graphql.service('utils');
    const { transformArgs, getContentTypeArgs } = graphql.service('builders').utils;

    // An app content type named "contact" would already own `contacts`; keep theirs.
    const taken = Object.values(strapi.contentTypes).some(
      (ct: any) => ct.uid !== UID.contact && ct.kind === 'collectionType' && naming.getFindQueryName(ct) === CONTACTS_QUERY
    );
    if (taken) {
      strapi.log.warn(`[contacts] GraphQL query "${CONTACTS_QUERY}" already exists; use contactsContacts instead`);
      return {};
    }

    return {
      types: [
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.field(CONTACTS_QUERY, {
              type: nexus.nonNull(nexus.list(naming.getTypeName(contentType))),
              extensions: { strapi: { contentType } },
              args: getContentTypeArgs(contentType),
              async resolve(parent: unknown, args: Record<string, unknown>, ctx: unknown) {
                // Same path as the generated query: Strapi validates and sanitizes the args for this token.
                const { findMany } = graphql
                  .service('builders')
                  .get('content-api')
                  .buildQueriesResolvers({ contentType });
                return findMany(parent, transformArgs(args, { contentType, usePagination: true }), ctx);
              },
            });
          },
        }),
      ],
      resolversConfig: {
        // Same scope as contactsContacts: an API token needs plugin::contacts.contact.find.
        [`Query.${CONTACTS_QUERY}`]: { auth: { scope: [`${UID.contact}.find`] }, middlewares: [guardFilters(UID.contact)] },
      },
    };
  });
};

/** Rejects filters the database would choke on (see assertValidFilters) with a BAD_USER_INPUT error. */
const guardFilters =
  (uid: string) =>
  async (next: (...a: unknown[]) => unknown, parent: unknown, args: any, context: unknown, info: unknown) => {
    if (args?.filters) {
      const { mappers } = strapi.plugin('graphql').service('utils');
      const model = strapi.getModel(uid as any);
      assertValidFilters((u) => strapi.getModel(u as any) as any, uid, mappers.graphQLFiltersToStrapiQuery(args.filters, model));
    }
    return next(parent, args, context, info);
  };

/** Every generated field that takes `filters` on our two public types: root queries and relation fields. */
const filterGuards = (naming: any, contact: any, segment: any) => {
  const config: Record<string, { middlewares: unknown[] }> = {};
  const add = (path: string, uid: string) => (config[path] = { middlewares: [guardFilters(uid)] });
  for (const [ct, uid] of [
    [contact, UID.contact],
    [segment, UID.segment],
  ] as const) {
    add(`Query.${naming.getFindQueryName(ct)}`, uid);
    add(`Query.${naming.getFindConnectionQueryName(ct)}`, uid);
  }
  add(`${naming.getTypeName(contact)}.segments`, UID.segment);
  add(`${naming.getTypeName(contact)}.segments_connection`, UID.segment);
  add(`${naming.getTypeName(segment)}.contacts`, UID.contact);
  add(`${naming.getTypeName(segment)}.contacts_connection`, UID.contact);
  return config;
};

/**
 * The generated mutations write through the Documents API and would skip the
 * custom-field checks; route them through the contacts service so GraphQL,
 * REST and the admin share one validation and one answer for unknown ids.
 */
const contactMutationResolvers = (naming: any, contentType: any) => {
  const sanitize = (data: unknown, ctx: any) =>
    strapi.contentAPI.sanitize.input(data as any, contentType, { auth: ctx?.state?.auth });
  const mutation: Record<string, unknown> = {};
  const crud = strapi.plugin('graphql').service('extension').shadowCRUD(UID.contact);
  if (crud.isActionEnabled('create')) {
    mutation[naming.getCreateMutationTypeName(contentType)] = async (_p: unknown, args: any, ctx: any) =>
      getService('contacts').create((await sanitize(args.data, ctx)) as any);
  }
  if (crud.isActionEnabled('update')) {
    mutation[naming.getUpdateMutationTypeName(contentType)] = async (_p: unknown, args: any, ctx: any) =>
      getService('contacts').update(args.documentId, (await sanitize(args.data, ctx)) as any);
  }
  if (crud.isActionEnabled('delete')) {
    // The generated delete answers success for an unknown id; REST answers 404, so does this.
    mutation[naming.getDeleteMutationTypeName(contentType)] = async (_p: unknown, args: any) => {
      await getService('contacts').delete(args.documentId);
      return { documentId: args.documentId };
    };
  }
  return Object.keys(mutation).length ? { Mutation: mutation } : {};
};
