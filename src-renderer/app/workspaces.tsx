/**
 * The workspaces the renderer has built. The Node side also lists what it supports
 * (app.info.workspaces); only workspaces present in both are shown — never a placeholder.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { ProjectWorkspace } from '../features/project';
import { ReleasesWorkspace } from '../features/releases';
import type { WorkspaceId } from './nav-store';

// Loaded on first visit: the graph libraries are a large part of the bundle.
const DependenciesWorkspace = lazy(() => import('../features/dependencies').then((m) => ({ default: m.DependenciesWorkspace })));

export interface Workspace {
  readonly id: WorkspaceId;
  readonly label: string;
  readonly render: () => ReactNode;
}

export const WORKSPACES: readonly Workspace[] = [
  { id: 'project', label: 'Project', render: () => <ProjectWorkspace /> },
  {
    id: 'dependencies',
    label: 'Dependencies',
    render: () => (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <DependenciesWorkspace />
      </Suspense>
    ),
  },
  { id: 'releases', label: 'Releases', render: () => <ReleasesWorkspace /> },
];
