/** Packwright's version, injected at build time from package.json (falls back for tests and tsx). */
declare const __PACKWRIGHT_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __PACKWRIGHT_VERSION__ === 'string' ? __PACKWRIGHT_VERSION__ : (process.env.npm_package_version ?? '0.0.0-dev');
