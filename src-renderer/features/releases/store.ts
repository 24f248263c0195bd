/** UI-only state of the Releases workspace: which projects are collapsed, whether revoked tokens show. */
import { create } from 'zustand';

interface ReleasesUiState {
  readonly collapsed: readonly string[];
  readonly showRevoked: boolean;
  toggle(project: string): void;
  setShowRevoked(show: boolean): void;
}

export const useReleasesUi = create<ReleasesUiState>((set) => ({
  collapsed: [],
  showRevoked: false,
  toggle: (project) => set((s) => ({ collapsed: s.collapsed.includes(project) ? s.collapsed.filter((p) => p !== project) : [...s.collapsed, project] })),
  setShowRevoked: (showRevoked) => set({ showRevoked }),
}));
