/** UI-only state of the Project workspace: which folder is open. */
import { create } from 'zustand';

interface ProjectUiState {
  readonly folder: string | null;
  setFolder(folder: string | null): void;
}

export const useProjectUi = create<ProjectUiState>((set) => ({
  folder: null,
  setFolder: (folder) => set({ folder }),
}));
