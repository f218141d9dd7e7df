// @vitest-environment node
// The background reads a backup file a page handed over as a blob: URL (node's URL.createObjectURL and fetch
// behave as the browsers' do for these).
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../../src/background/backup-file';
import { MAX_BACKUP_BYTES } from '../../../src/core/backup';

const made: string[] = [];
function blobUrl(text: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  made.push(url);
  return url;
}
afterEach(() => made.splice(0).forEach((url) => URL.revokeObjectURL(url)));

/** Node's blob URLs, standing for `blob:chrome-extension://<id>/`. */
const OWN = 'blob:nodedata:';

describe('reading a backup file handed over as a blob: URL', () => {
  it('gives back the file\'s text, characters outside ASCII included', async () => {
    const text = '{"format":"paperlight-backup","note":"Übersicht — 数据"}';
    expect(await readBackupFile(blobUrl(text), OWN)).toBe(text);
  });

  it('refuses a URL that is not one of its own pages\' blobs, without reading it', async () => {
    await expect(readBackupFile(blobUrl('{}'), 'blob:chrome-extension://abc/')).rejects.toThrow(/only be handed over by Paperlight's own pages/);
  });

  it('says to choose the file again when the page revoked it (or was closed)', async () => {
    const url = blobUrl('{}');
    URL.revokeObjectURL(url);
    await expect(readBackupFile(url, OWN)).rejects.toThrow(/could not be read.*choose the file again/);
  });

  it('refuses a file too large for any backup from its size alone', async () => {
    // A real file over the limit would take 120 MB of memory here: the response reports that size instead,
    // and its body tells whether anything was read.
    const realFetch = globalThis.fetch;
    let read = false;
    const body = new ReadableStream({ pull: () => { read = true; } }, { highWaterMark: 0 });
    globalThis.fetch = async () => new Response(body, {
      headers: { 'content-length': String(MAX_BACKUP_BYTES + 1) },
    });
    try {
      await expect(readBackupFile(`${OWN}large`, OWN)).rejects.toThrow(/too large to be a Paperlight backup \(192\.0 MB; the limit is 64\.0 MB\)/);
      expect(read).toBe(false);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
