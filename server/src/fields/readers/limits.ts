/**
 * Size limits. Custom values live in one JSON `attributes` column read with
 * every contact, so their caps are what one row may reasonably carry.
 */
export const BUILT_IN_TEXT_MAX = 255;
export const TEXT_MAX = 10_000;
export const LONGTEXT_MAX = 1_048_576;
export const OPTION_MAX = 255;
export const MULTISELECT_MAX_ITEMS = 1000;
export const TAG_MAX = 255;
export const TAGS_MAX_ITEMS = 100;
export const URL_MAX = 2048;
export const EMAIL_MAX = 254;
/** How many options an `unknown_option` message lists before "…". */
export const OPTIONS_SHOWN = 12;
