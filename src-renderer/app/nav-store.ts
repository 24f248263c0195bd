/** UI-only navigation state: which workspace is shown. */
import { create } from 'zustand';

export type WorkspaceId = 'project' | 'dependencies' | 'builds' | 'releases' | 'lockfiles';

interface NavState {
  readonly workspace: WorkspaceId;
  show(id: WorkspaceId): void;
}

export const useNavStore = create<NavState>((set) => ({
  workspace: 'project',
  show: (workspace) => set({ workspace }),
}));
