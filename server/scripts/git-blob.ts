import { createHash } from 'node:crypto';

/**
 * The git blob id of a file's bytes, as `git hash-object FILE` prints it:
 * sha1("blob " + byteLength + "\0" + content). PROVENANCE.md lists these ids, so comparing them
 * proves a raw input is byte for byte the file stored at the cited upstream commit.
 * @example gitBlobId(Buffer.from('')) // 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
 */
export function gitBlobId(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}
