/**
 * Lists a folder as the folder browser does, in a process of its own (run as a user who is not
 * root by tests/unit/folder-listing.test.ts). Prints one JSON line: the listing, or the error.
 *
 *   node --import tsx tests/support/list-folder-child.ts FOLDER
 */
import { FolderError, listFolder } from '../../electron/services/folder-listing';

const folder = process.argv[2] ?? '';
try {
  const listing = listFolder(folder, ['.ziping']);
  process.stdout.write(
    `${JSON.stringify({ uid: process.getuid?.(), names: listing.entries.map((e) => e.name) })}\n`,
  );
} catch (e) {
  const error = e instanceof FolderError ? e.message : String(e);
  process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), error })}\n`);
}
