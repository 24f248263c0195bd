/** The Project workspace (public entry of the feature). */
import { OpenProjectPanel } from './components/open-project-panel';
import { ProjectOverview } from './components/project-overview';
import { useProjectUi } from './store';

export function ProjectWorkspace() {
  const folder = useProjectUi((s) => s.folder);
  return folder ? <ProjectOverview key={folder} folder={folder} /> : <OpenProjectPanel />;
}
