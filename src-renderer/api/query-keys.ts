/** Query keys from one factory, so pushed events invalidate exactly what they should. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  recent: ['project', 'recent'] as const,
  summary: (folder: string) => ['project', 'summary', folder] as const,
  folderCompletion: (prefix: string) => ['fs', 'completeFolder', prefix] as const,
};
