/**
 * The bundled SchemaStore schemas (data/, Apache-2.0, see data/SOURCES.md), by file name.
 *
 * Static JSON imports so every front end (Electron main, CLI, server) bundles them the same way.
 */
import hatch from './data/hatch.json';
import maturin from './data/maturin.json';
import partialBlack from './data/partial-black.json';
import partialCibuildwheel from './data/partial-cibuildwheel.json';
import partialDfc from './data/partial-dfc.json';
import partialFastapi from './data/partial-fastapi.json';
import partialMypy from './data/partial-mypy.json';
import partialPdmDockerize from './data/partial-pdm-dockerize.json';
import partialPdm from './data/partial-pdm.json';
import partialPixi from './data/partial-pixi.json';
import partialPoe from './data/partial-poe.json';
import partialPoetry from './data/partial-poetry.json';
import partialPyright from './data/partial-pyright.json';
import partialPytest from './data/partial-pytest.json';
import partialRepoReview from './data/partial-repo-review.json';
import partialScheduled from './data/partial-scheduled.json';
import partialScikitBuild from './data/partial-scikit-build.json';
import partialSetuptoolsScm from './data/partial-setuptools-scm.json';
import partialSetuptools from './data/partial-setuptools.json';
import partialTaskipy from './data/partial-taskipy.json';
import partialTox from './data/partial-tox.json';
import pyproject from './data/pyproject.json';
import quikrun from './data/quikrun.json';
import ruff from './data/ruff.json';
import tombi from './data/tombi.json';
import tox from './data/tox.json';
import ty from './data/ty.json';
import uv from './data/uv.json';

/** File name → parsed schema. */
export const SCHEMA_FILES: Readonly<Record<string, object>> = {
  'hatch.json': hatch,
  'maturin.json': maturin,
  'partial-black.json': partialBlack,
  'partial-cibuildwheel.json': partialCibuildwheel,
  'partial-dfc.json': partialDfc,
  'partial-fastapi.json': partialFastapi,
  'partial-mypy.json': partialMypy,
  'partial-pdm-dockerize.json': partialPdmDockerize,
  'partial-pdm.json': partialPdm,
  'partial-pixi.json': partialPixi,
  'partial-poe.json': partialPoe,
  'partial-poetry.json': partialPoetry,
  'partial-pyright.json': partialPyright,
  'partial-pytest.json': partialPytest,
  'partial-repo-review.json': partialRepoReview,
  'partial-scheduled.json': partialScheduled,
  'partial-scikit-build.json': partialScikitBuild,
  'partial-setuptools-scm.json': partialSetuptoolsScm,
  'partial-setuptools.json': partialSetuptools,
  'partial-taskipy.json': partialTaskipy,
  'partial-tox.json': partialTox,
  'pyproject.json': pyproject,
  'quikrun.json': quikrun,
  'ruff.json': ruff,
  'tombi.json': tombi,
  'tox.json': tox,
  'ty.json': ty,
  'uv.json': uv,
};
