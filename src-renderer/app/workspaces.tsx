/**
 * The workspaces the renderer has built. The Node side also lists what it supports
 * (app.info.workspaces); only workspaces present in both are shown — never a placeholder.
 */
import type { ReactNode } from 'react';
import { ProjectWorkspace } from '../features/project';
import { ReleasesWorkspace } from '../features/releases';
import type { WorkspaceId } from './nav-store';

export interface Workspace {
  readonly id: WorkspaceId;
  readonly label: string;
  readonly render: () => ReactNode;
}

export const WORKSPACES: readonly Workspace[] = [
  { id: 'project', label: 'Project', render: () => <ProjectWorkspace /> },
  { id: 'releases', label: 'Releases', render: () => <ReleasesWorkspace /> },
];
