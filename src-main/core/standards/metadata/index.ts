/**
 * Core metadata 1.0–2.5 (METADATA / PKG-INFO): parse, serialize and validate
 * (https://packaging.python.org/en/latest/specifications/core-metadata/), matching
 * pypa/packaging's `packaging.metadata`.
 */
export * from './fields';
export * from './email-parse';
export * from './parse';
export * from './serialize';
export * from './validate';
export { parseContentType, checkDescriptionContentType, type ContentType } from './content-type';
