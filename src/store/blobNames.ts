/**
 * Storage keys as blob names. Keys hold Teams conversation ids (`19:…@thread.tacv2;messageid=…`,
 * `a:1…`), which carry characters that are unsafe or ambiguous in a blob URL. Every character
 * outside `[A-Za-z0-9_/-]` becomes `~` plus the hex of its UTF-8 bytes; `/` stays, so the blob
 * names keep the key's `prefix/` folders. The mapping works character by character, so the name
 * of a key prefix is a prefix of the names of its keys (`list(prefix)` is a blob-name prefix
 * listing), and `.` is escaped too, so no name has a `.` or `..` segment a URL parser would fold.
 * Blob naming rules: learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
 */
const SAFE = /[A-Za-z0-9_/-]/;

export function blobNameOf(key: string): string {
  let out = '';
  for (const ch of key) {
    if (SAFE.test(ch)) out += ch;
    else
      for (const byte of Buffer.from(ch, 'utf8'))
        out += '~' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function keyOfBlobName(name: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '~') {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(name.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}
