/**
 * Unsaved editor buffers, per project folder (UI-only state): the text as loaded (`base`, with
 * its disk hash) and the user's current text (`draft`). Nothing here is ever dropped silently:
 * a buffer is replaced only by an explicit save, reload or merge.
 */
import { create } from 'zustand';

export interface Buffer {
  readonly baseText: string;
  readonly baseHash: string | null;
  readonly draft: string;
  /** Set when a save found the disk changed: what is on disk now. */
  readonly conflict: { readonly message: string; readonly diskText: string | null; readonly diskHash: string | null } | null;
}

interface EditorState {
  readonly buffers: Readonly<Record<string, Buffer>>;
  loaded(folder: string, text: string, hash: string | null): void;
  edit(folder: string, draft: string): void;
  saved(folder: string, hash: string): void;
  conflicted(folder: string, conflict: NonNullable<Buffer['conflict']>): void;
  merged(folder: string, mergedText: string): void;
}

export const isDirty = (b: Buffer | undefined): boolean => b !== undefined && b.draft !== b.baseText;

export const useEditorStore = create<EditorState>((set) => ({
  buffers: {},
  /** A (re)load from disk: adopt it unless the user has unsaved edits. */
  loaded: (folder, text, hash) =>
    set((s) => {
      const b = s.buffers[folder];
      if (b && isDirty(b)) return s;
      return { buffers: { ...s.buffers, [folder]: { baseText: text, baseHash: hash, draft: text, conflict: null } } };
    }),
  edit: (folder, draft) =>
    set((s) => {
      const b = s.buffers[folder];
      return b ? { buffers: { ...s.buffers, [folder]: { ...b, draft } } } : s;
    }),
  saved: (folder, hash) =>
    set((s) => {
      const b = s.buffers[folder];
      return b ? { buffers: { ...s.buffers, [folder]: { baseText: b.draft, baseHash: hash, draft: b.draft, conflict: null } } } : s;
    }),
  conflicted: (folder, conflict) =>
    set((s) => {
      const b = s.buffers[folder];
      return b ? { buffers: { ...s.buffers, [folder]: { ...b, conflict } } } : s;
    }),
  /** After a three-way merge the disk version becomes the base; the merged text stays unsaved. */
  merged: (folder, mergedText) =>
    set((s) => {
      const b = s.buffers[folder];
      if (!b?.conflict) return s;
      return {
        buffers: { ...s.buffers, [folder]: { baseText: b.conflict.diskText ?? '', baseHash: b.conflict.diskHash, draft: mergedText, conflict: null } },
      };
    }),
}));
