declare module 'virtual:task-catalogue' {
  import type { TaskDescription } from '../shared/tasks';

  /** The server's built-in tasks, described as `GET /api/tasks` does (see catalogue-plugin.ts). */
  const tasks: TaskDescription[];
  export default tasks;
}
