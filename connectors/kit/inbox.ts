import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

// The webhook inbox: delivery ids already processed, so a retried or duplicated delivery has no second
// effect. A delivery is claimed before processing and released if processing fails, so the platform's
// retry gets another go; only a completed delivery is remembered as done.

/** Where delivery ids are kept; implement it over your database for a multi-instance connector. */
export interface DeliveryInbox {
  /** True when this id was never claimed (go ahead), false for a duplicate or one in flight. */
  claim(id: string): Promise<boolean>;
  /** Marks a claimed delivery as processed for good. */
  complete(id: string): Promise<void>;
  /** Gives a claimed delivery back after a failure, so the platform's retry is processed. */
  release(id: string): Promise<void>;
}

/** Small JSON persistence for a single-process connector: atomic rename, no database needed. */
export class JsonFile<T> {
  constructor(readonly file: string, private readonly empty: () => T) {}

  /** The stored value, or the empty one when the file does not exist yet. */
  async read(): Promise<T> {
    try {
      return JSON.parse(await readFile(this.file, "utf8")) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return this.empty();
      throw err;
    }
  }

  /** Writes the whole value (temp file + rename, so a crash never leaves half a file). */
  async write(value: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, this.file);
  }
}

/** In memory, optionally persisted to a JSON file (pass `file`) so a restart still knows old deliveries. */
export class MemoryInbox implements DeliveryInbox {
  private readonly done = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly store: JsonFile<string[]> | null;
  private loaded: Promise<void> | null = null;

  constructor(opts: { file?: string; keep?: number } = {}) {
    this.store = opts.file ? new JsonFile<string[]>(opts.file, () => []) : null;
    this.keep = opts.keep ?? 50_000;
  }

  /** How many completed ids are remembered (oldest are forgotten first). */
  private readonly keep: number;

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      for (const id of (await this.store?.read()) ?? []) this.done.add(id);
    })();
    return this.loaded;
  }

  async claim(id: string): Promise<boolean> {
    await this.load();
    if (this.done.has(id) || this.inFlight.has(id)) return false;
    this.inFlight.add(id);
    return true;
  }

  async complete(id: string): Promise<void> {
    await this.load();
    this.inFlight.delete(id);
    this.done.add(id);
    while (this.done.size > this.keep) this.done.delete(this.done.values().next().value as string);
    await this.store?.write([...this.done]);
  }

  async release(id: string): Promise<void> {
    this.inFlight.delete(id);
  }
}
