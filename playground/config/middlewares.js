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
      jsonLimit: env('CONTACTS_JSON_LIMIT', '60mb'),
      textLimit: '60mb',
      formidable: {
        // The multipart envelope adds a few bytes: leave room so the plugin's own check answers.
        maxFileSize: env.int('CONTACTS_MAX_FILE_SIZE', 1024 * 1024 * 1024) + 1024 * 1024,
        // Tests point this at a folder of their own to check that no upload is left behind.
        ...(env('CONTACTS_UPLOAD_TMP') ? { uploadDir: env('CONTACTS_UPLOAD_TMP') } : {}),
      },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
