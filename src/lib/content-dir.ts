// Where the generated content is: astro.config.mjs's siteConfig() defines it
// for the site's modules (the content folder `casebook build` passes to Astro's
// process, or the default one).
export const contentDir: string = import.meta.env.CASEBOOK_CONTENT_DIR;
