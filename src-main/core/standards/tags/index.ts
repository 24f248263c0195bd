/**
 * Wheel compatibility tags and target environments (PEP 425, PEP 600, PEP 656, PEP 730,
 * PEP 738), ordered exactly as pypa/packaging's `packaging.tags` orders them.
 */
export * from './tag';
export * from './generators';
export * from './platforms';
export * from './targets';
export * from './target-names';
export * from './target-parse';
export * from './predefined';
