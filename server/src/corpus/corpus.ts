// Keeps the related-measures index current with the plans on disk and in the editor. Roots are the
// shipped seeds, the workspace folders and `workplan.corpus.paths`; an open document is authoritative
// over its file on disk (its unsaved text is what the user sees). Reading is asynchronous and
// one file at a time, so requests are answered in between; the index is patched per document.
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { OutlineModel } from '../service/model';
import { parsePlan } from '../service/parse/parser';
import { RelatedIndex } from '../service/related/index';
import { hasCjk } from '../service/text/chars';
import { uriBaseName } from '../service/text/uris';
import { fileSignature, findPlanFiles, isPlanFile, isUnder, MAX_PLAN_FILES, readPlanFile } from './files';

export interface SyncResult {
  plans: number;
  units: number;
  skipped: number;
  ms: number;
}

/** A plan is an outline with Chinese titles: a README or an English note in the same folder is not. */
function looksLikePlan(model: OutlineModel): boolean {
  return model.nodes.some((n) => hasCjk(n.title));
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Absolute folder paths from setting values: `~/…` is the home folder, relative ones are taken from `base`. */
export function resolveFolders(values: unknown, base: string | undefined): string[] {
  if (!Array.isArray(values)) return [];
  return values
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim().replace(/^~(?=$|[/\\])/, os.homedir()))
    .map((v) => path.normalize(path.isAbsolute(v) ? v : path.resolve(base ?? os.homedir(), v)));
}

export class Corpus {
  private roots: string[] = [];
  /** Plans read from disk, by file path. */
  private readonly disk = new Map<string, { uri: string; signature: string }>();
  /** Open file documents, by file path → the URI the editor uses. */
  private readonly openFiles = new Map<string, string>();
  private running?: Promise<SyncResult>;
  private again = false;

  constructor(
    readonly index: RelatedIndex,
    private readonly log: (message: string) => void,
  ) {}

  /** Folders whose plans belong to the corpus; call sync() to apply. */
  setRoots(roots: string[]): void {
    this.roots = [...new Set(roots.map((r) => path.normalize(r)))];
  }

  /**
   * Brings the index in line with the roots: reads new and changed plans, drops those no longer
   * there. Calls made while one runs are folded into one more run.
   */
  sync(progress?: (done: number, total: number) => void): Promise<SyncResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<SyncResult> => {
      try {
        let result: SyncResult;
        do {
          this.again = false;
          result = await this.syncOnce(progress);
        } while (this.again);
        return result;
      } finally {
        this.running = undefined;
      }
    };
    this.running = run();
    return this.running;
  }

  private async syncOnce(progress?: (done: number, total: number) => void): Promise<SyncResult> {
    const started = Date.now();
    const files = new Set<string>();
    for (const root of this.roots) {
      const left = MAX_PLAN_FILES - files.size;
      if (left <= 0) {
        this.log(`相关举措：已达 ${MAX_PLAN_FILES} 个文件上限，其余不再索引 Related measures: ${MAX_PLAN_FILES}-file limit reached, ${root} not indexed`);
        break;
      }
      for (const f of await findPlanFiles(root, left, this.log)) files.add(path.normalize(f));
    }
    for (const [file, { uri }] of this.disk) {
      if (!files.has(file)) this.dropDisk(file, uri);
    }
    let done = 0;
    let skipped = 0;
    for (const file of files) {
      if (!(await this.readFile(file))) skipped++;
      progress?.(++done, files.size);
    }
    return { plans: this.index.documentCount, units: this.index.unitCount, skipped, ms: Date.now() - started };
  }

  /** A plan file was created, changed or deleted on disk (a deleted folder takes its plans along). */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const file = filePath(uri);
    if (!file || this.openFiles.has(file)) return;
    if (deleted) {
      for (const [f, entry] of this.disk) if (f === file || isUnder(file, f)) this.dropDisk(f, entry.uri);
      return;
    }
    if (isPlanFile(file) && this.roots.some((r) => isUnder(r, file))) await this.readFile(file);
  }

  /** An open document's text, as of now. */
  opened(uri: string, text: string, model: OutlineModel): void {
    const file = filePath(uri);
    if (file) {
      const entry = this.disk.get(file);
      if (entry) this.dropDisk(file, entry.uri);
      this.openFiles.set(file, uri);
    }
    this.index.setDocument(uri, text, { name: uriBaseName(uri), model });
  }

  /** An open document too large to index: it stays out, and so does its file while it is open. */
  tooLarge(uri: string): void {
    const file = filePath(uri);
    if (file) {
      const entry = this.disk.get(file);
      if (entry) this.dropDisk(file, entry.uri);
      this.openFiles.set(file, uri);
    }
    this.index.removeDocument(uri);
  }

  /** A document was closed: its file, if it belongs to the corpus, is read back from disk. */
  async closed(uri: string): Promise<void> {
    this.index.removeDocument(uri);
    const file = filePath(uri);
    if (!file) return;
    this.openFiles.delete(file);
    if (isPlanFile(file) && this.roots.some((r) => isUnder(r, file))) await this.readFile(file);
  }

  private dropDisk(file: string, uri: string): void {
    this.disk.delete(file);
    this.index.removeDocument(uri);
  }

  /** Reads one plan into the index unless unchanged or open; false if it had to be skipped. */
  private async readFile(file: string): Promise<boolean> {
    if (this.openFiles.has(file)) return true;
    const known = this.disk.get(file);
    if (known && known.signature === (await fileSignature(file))) return true;
    const read = await readPlanFile(file);
    // Opened while it was being read: the editor's text wins.
    if (this.openFiles.has(file)) return true;
    const uri = known?.uri ?? pathToFileURL(file).href;
    if ('skipped' in read) {
      this.log(`相关举措：跳过 Related measures: skipped ${file}: ${read.skipped}`);
      if (known) this.dropDisk(file, uri);
      return false;
    }
    const model = parsePlan(read.text);
    if (!looksLikePlan(model)) {
      if (known) this.dropDisk(file, uri);
      return true;
    }
    this.index.setDocument(uri, read.text, { name: path.basename(file), model });
    this.disk.set(file, { uri, signature: read.signature });
    return true;
  }
}
