/**
 * Distribution file names: wheels (PEP 427/491) and sdists (PEP 625), parsed as
 * pypa/packaging parses them and checked as PyPI checks them.
 */
export * from './errors';
export * from './wheel';
export * from './sdist';
