/**
 * Public routes, served under /api/contacts. Strapi closes every content-API
 * route until a users-permissions role or an API token grants its action.
 */
export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/contacts', handler: 'contact.find', config: {} },
    { method: 'GET', path: '/contacts/:id', handler: 'contact.findOne', config: {} },
    { method: 'POST', path: '/contacts', handler: 'contact.create', config: {} },
    { method: 'PUT', path: '/contacts/:id', handler: 'contact.update', config: {} },
    { method: 'DELETE', path: '/contacts/:id', handler: 'contact.delete', config: {} },
    { method: 'GET', path: '/segments', handler: 'segment.find', config: {} },
    { method: 'GET', path: '/segments/:id', handler: 'segment.findOne', config: {} },
    { method: 'POST', path: '/subscribe', handler: 'contact.subscribe', config: {} },
    // Followed from the confirmation e-mail by the person, without a token: the signed link is the credential.
    { method: 'GET', path: '/subscribe/confirm', handler: 'contact.confirm', config: { auth: false } },
  ],
};
