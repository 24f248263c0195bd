/**
 * Distributions on disk: wheels (zip, PEP 427) and sdists (tar.gz, PEP 625 / the source
 * distribution format), read defensively — hostile archives end in a typed ArchiveError.
 */
export * from './archive-error';
export * from './zip';
export * from './record';
export * from './verify';
export * from './wheel-file';
export * from './wheel';
export * from './sdist';
