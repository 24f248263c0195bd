/**
 * Every procedure path, and the ones that stream. Dependency-free so the preload can import it;
 * a test checks these lists against the contract object.
 */
export const PROCEDURES = [
  'app.info',
  'project.open',
  'project.summary',
  'project.recent',
  'project.forget',
  'project.watch',
  'project.pickFolder',
  'pyproject.load',
  'pyproject.save',
  'pyproject.merge',
  'pyproject.validate',
  'pyproject.hover',
  'pyproject.complete',
  'fs.completeFolder',
  'dependencies.options',
  'dependencies.projectInputs',
  'dependencies.resolve',
  'dependencies.check',
  'dependencies.applyFix',
  'wizard.catalogue',
  'wizard.start',
  'wizard.read',
  'wizard.apply',
  'wizard.preview',
  'wizard.create',
  'wizard.classifiers',
  'wizard.checkName',
  'wizard.versions',
  'wizard.dependencyLicenses',
  'wizard.license.check',
  'wizard.license.complete',
  'wizard.license.suggest',
  'wizard.license.set',
  'wizard.license.migration',
  'wizard.license.migrate',
  'releases.status',
  'releases.start',
  'releases.stop',
  'releases.contents',
  'releases.yank',
  'releases.unyank',
  'releases.delete',
  'releases.listTokens',
  'releases.createToken',
  'releases.revokeToken',
  'releases.publishSession',
  'releases.cancelSession',
  'ops.list',
  'ops.cancel',
  'ops.events',
] as const;
export type ProcedurePath = (typeof PROCEDURES)[number];

export const STREAMS = ['ops.events'] as const satisfies readonly ProcedurePath[];

export function isStream(path: string): boolean {
  return (STREAMS as readonly string[]).includes(path);
}
