/** Set by Vite from package.json at build time. */
declare const __APP_VERSION__: string;
