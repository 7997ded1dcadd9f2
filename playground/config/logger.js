const { configs } = require('@strapi/logger');

// STRAPI_LOG_LEVEL=error keeps test and benchmark output readable.
module.exports = () => ({ ...configs.createDefaultConfiguration(), level: process.env.STRAPI_LOG_LEVEL || 'http' });
