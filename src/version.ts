declare const __EZURNALS_VERSION__: string | undefined;

/** Injected by the bundler; tests run the sources directly and see 'dev'. */
export const VERSION: string = typeof __EZURNALS_VERSION__ === 'string' ? __EZURNALS_VERSION__ : 'dev';
