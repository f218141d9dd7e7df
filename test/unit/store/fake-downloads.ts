// A downloads folder in memory for the automatic backup's tests: files by name, downloads by id.
import { expect } from 'vitest';
import type { DownloadsApi } from '../../../src/background/auto-backup';

type Delta = Parameters<Parameters<DownloadsApi['onChanged']['addListener']>[0]>[0];

/** A downloads folder in memory: files by name, downloads by id; each download completes (or fails) at once. */
export function fakeDownloads(options: { fail?: string } = {}) {
  const files = new Map<string, string>();
  const history = new Map<number, { fileName: string; state: string; error?: string }>();
  const listeners = new Set<(delta: Delta) => void>();
  const removed: number[] = [];
  let nextId = 100;
  const api: DownloadsApi = {
    async download({ url, filename, saveAs, conflictAction }) {
      expect(saveAs).toBe(false);
      const id = nextId++;
      // 'uniquify' writes beside an existing file as the browsers do: "name (1).json".
      let name = filename;
      for (let n = 1; conflictAction === 'uniquify' && files.has(name); n++) name = filename.replace(/\.json$/, ` (${n}).json`);
      history.set(id, { fileName: name, state: 'in_progress' });
      const target = name;
      queueMicrotask(() => {
        if (options.fail) {
          Object.assign(history.get(id)!, { state: 'interrupted', error: options.fail });
          listeners.forEach((listener) => listener({ id, state: { current: 'interrupted' }, error: { current: options.fail } }));
          return;
        }
        files.set(target, decodeURIComponent(url.replace(/^data:[^,]*,/, '')));
        history.get(id)!.state = 'complete';
        listeners.forEach((listener) => listener({ id, state: { current: 'complete' } }));
      });
      return id;
    },
    async search({ id }) {
      const item = history.get(id);
      return item ? [{ id, state: item.state, filename: `/home/user/Downloads/${item.fileName}`, ...(item.error && { error: item.error }) }] : [];
    },
    async removeFile(id) {
      const item = history.get(id);
      if (!item || !files.has(item.fileName)) throw new Error('Download file already deleted');
      files.delete(item.fileName);
      removed.push(id);
    },
    async erase({ id }) {
      history.delete(id);
      return [id];
    },
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return { api, files, history, removed };
}

