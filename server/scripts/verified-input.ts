import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitBlobId } from './git-blob.ts';
import { SnapshotBuildError } from './raw-price-file.ts';
import type { RawInput } from './snapshot-spec.ts';

/** A raw input read and proven to be the documented upstream file. */
export interface VerifiedInput {
  text: string;
  blob: string;
  /** The copy read, relative to the shared data folder. */
  rawFile: string;
}

/**
 * Reads the raw inputs of the shared data folder, each only after proving it is the file its
 * provenance document describes. Documents are read once per build.
 */
export class VerifiedInputs {
  private readonly documents = new Map<string, Promise<string>>();

  constructor(readonly sharedDataDir: string) {}

  /**
   * The text of a raw input whose commit, upstream path and blob id its data set documents, and whose
   * bytes hash to that blob id (`git hash-object`).
   * @throws SnapshotBuildError when the documents do not list the input, the file is missing, its
   *   blob id differs, or it is not UTF-8.
   * @example await new VerifiedInputs('data/sources').read(spec.input)
   */
  async read(input: RawInput): Promise<VerifiedInput> {
    const { dataSet, commit, rawFolder, repository } = input.source;
    const rawFile = `${dataSet.rawRoot}/${rawFolder}/${input.file}`;
    const provenance = await this.document(dataSet.provenanceFile);
    // Provenance documents give a commit in full or as its first 12 digits, a blob in full or as a prefix.
    for (const [what, token] of [
      ['commit', commit.slice(0, 12)],
      ['blob prefix', input.blobPrefix],
    ] as const) {
      if (!provenance.includes(token)) {
        throw new SnapshotBuildError(`${dataSet.provenanceFile} does not list the ${what} ${token} of ${rawFile}; the inputs and their documentation disagree`);
      }
    }
    if (dataSet.copyList) {
      const listed = `${rawFolder}\t${commit}\t${input.upstreamPath}\t`;
      if (!(await this.document(dataSet.copyList)).split('\n').some((line) => line.startsWith(listed))) {
        throw new SnapshotBuildError(`${dataSet.copyList} does not list ${input.upstreamPath} of ${repository}@${commit}; the inputs and their documentation disagree`);
      }
    }
    const bytes = await this.bytes(rawFile);
    const blob = gitBlobId(bytes);
    if (!blob.startsWith(input.blobPrefix)) {
      throw new SnapshotBuildError(
        `${rawFile} has git blob ${blob}, but ${dataSet.provenanceFile} lists ${input.blobPrefix.slice(0, 8)}…: the file is not the one copied from ${repository}@${commit.slice(0, 8)}; refusing to build`,
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new SnapshotBuildError(`${rawFile} is not UTF-8 text`);
    }
    return { text, blob, rawFile };
  }

  private document(relativePath: string): Promise<string> {
    let load = this.documents.get(relativePath);
    if (!load) {
      load = this.bytes(relativePath).then((bytes) => new TextDecoder().decode(bytes));
      this.documents.set(relativePath, load);
    }
    return load;
  }

  private async bytes(relativePath: string): Promise<Uint8Array> {
    try {
      return await readFile(join(this.sharedDataDir, relativePath));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SnapshotBuildError(`cannot read ${relativePath} in the shared data folder ${this.sharedDataDir} (${reason})`);
    }
  }
}
