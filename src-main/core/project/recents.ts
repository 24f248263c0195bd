/** Recently opened projects, most recent first, kept in the data folder. */
import { join } from 'node:path';
import { z } from 'zod';
import { RecentProjectSchema, type RecentProject } from '../../contract';
import { readJsonFile, writeJsonFileAtomic } from './atomic-json';

const MAX_RECENTS = 20;
const FileSchema = z.object({ version: z.literal(1), projects: z.array(RecentProjectSchema) });

export class RecentProjects {
  private readonly file: string;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.file = join(dataDir, 'recent-projects.json');
  }

  async list(): Promise<RecentProject[]> {
    const parsed = FileSchema.safeParse(await readJsonFile(this.file));
    return parsed.success ? parsed.data.projects : [];
  }

  touch(folder: string, name: string | null): Promise<RecentProject[]> {
    return this.update((list) => [{ folder, name, openedAt: this.now().toISOString() }, ...list.filter((p) => p.folder !== folder)]);
  }

  async forget(folder: string): Promise<boolean> {
    let removed = false;
    await this.update((list) => {
      const next = list.filter((p) => p.folder !== folder);
      removed = next.length !== list.length;
      return next;
    });
    return removed;
  }

  /** Serialise updates so concurrent opens never lose an entry. */
  private update(fn: (list: RecentProject[]) => RecentProject[]): Promise<RecentProject[]> {
    const next = this.chain.then(async () => {
      const projects = fn(await this.list()).slice(0, MAX_RECENTS);
      await writeJsonFileAtomic(this.file, { version: 1, projects });
      return projects;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
