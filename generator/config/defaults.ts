// Defaults that code outside the config schema needs too (messages, the
// config loader), without loading the schema's validator.

/** The content folder when none is given (relative to the current folder). */
export const DEFAULT_CONTENT = '.casebook/content';
/** The site folder when none is given. */
export const DEFAULT_OUT = 'casebook-site';
