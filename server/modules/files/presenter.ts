/** The JSON about a stored file that leaves the server. */
import type { StoredFileT } from '../../../common/contracts/catalog';
import type { FileRow } from './repo';

export const presentFile = (f: FileRow): StoredFileT => ({
  id: f.id,
  filename: f.filename,
  contentType: f.content_type,
  sizeBytes: Number(f.size_bytes),
  sha256: f.sha256,
  organisationId: f.organisation_id,
  url: `/api/files/${f.id}`,
  createdAt: new Date(f.created_at).toISOString(),
});
