/**
 * The short form of a factor file's SHA-256 that links carry. Kept apart from factor-file.ts (and
 * its zod schema) so that code which only names a file, such as the study summary the command-line
 * tool prints, does not load the file reader.
 */

/** Digits of the SHA-256 a link carries (64 bits: enough to tell a user's files apart). */
export const FACTOR_HASH_DIGITS = 16;

/**
 * The short hash a link carries for a file.
 * @throws never
 * @example shortFactorHash('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') // 'ba7816bf8f01cfea'
 */
export function shortFactorHash(sha256: string): string {
  return sha256.slice(0, FACTOR_HASH_DIGITS);
}
