/** Query keys from one factory, so pushed events invalidate exactly what they should. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  recent: ['project', 'recent'] as const,
  summary: (folder: string) => ['project', 'summary', folder] as const,
  folderCompletion: (prefix: string) => ['fs', 'completeFolder', prefix] as const,
  releasesStatus: ['releases', 'status'] as const,
  /** Keyed by the server and its content revision: a changed revision means fetch again. */
  releasesContents: (url: string, revision: number) => ['releases', 'contents', url, revision] as const,
  releasesTokens: (url: string) => ['releases', 'tokens', url] as const,
};
