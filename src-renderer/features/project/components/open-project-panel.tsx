/** No project open yet: a native dialog (desktop), a path field (both shells) and recent projects. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { ErrorMessage } from '../../../ui/error-message';
import { useOpenProject } from '../hooks/use-open-project';
import { useForgetProject, useRecentProjects } from '../hooks/use-recent-projects';
import { FolderField } from './folder-field';

export function OpenProjectPanel() {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => client.app.info(), staleTime: Infinity });
  const openProject = useOpenProject();
  const recent = useRecentProjects();
  const forget = useForgetProject();
  const pick = useMutation({
    mutationFn: () => client.project.pickFolder(),
    onSuccess: ({ folder }) => {
      if (folder) openProject.mutate(folder);
    },
  });

  return (
    <section className="panel open-project" aria-labelledby="open-project-title">
      <h1 id="open-project-title">Open a Python project</h1>
      <p className="muted">Choose the folder that holds your pyproject.toml.</p>
      {info.data?.shell === 'electron' ? (
        <button type="button" className="primary" onClick={() => pick.mutate()} disabled={pick.isPending}>
          Choose folder…
        </button>
      ) : null}
      <FolderField onOpen={(folder) => openProject.mutate(folder)} busy={openProject.isPending} />
      {openProject.isError ? <ErrorMessage error={openProject.error} /> : null}
      {pick.isError ? <ErrorMessage error={pick.error} /> : null}
      {recent.data && recent.data.length > 0 ? (
        <>
          <h2>Recent projects</h2>
          <ul className="recent" aria-label="Recent projects">
            {recent.data.map((p) => (
              <li key={p.folder}>
                <button type="button" className="link" onClick={() => openProject.mutate(p.folder)}>
                  <span className="recent-name">{p.name ?? '(unnamed)'}</span>
                  <span className="muted">{p.folder}</span>
                </button>
                <button type="button" className="icon" aria-label={`Forget ${p.folder}`} onClick={() => forget.mutate(p.folder)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
