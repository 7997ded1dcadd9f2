// strapi::body parses multipart uploads with formidable before any controller
// runs; its own cap (200 MiB) must be raised to the plugin's maxFileSize or big
// imports are refused with 413 before the plugin sees them.
module.exports = ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      formLimit: '10mb',
      jsonLimit: '60mb',
      textLimit: '60mb',
      // The multipart envelope adds a few bytes: leave room so the plugin's own check answers.
      formidable: { maxFileSize: env.int('CONTACTS_MAX_FILE_SIZE', 1024 * 1024 * 1024) + 1024 * 1024 },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
