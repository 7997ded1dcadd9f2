import { SourceError } from './source-error';

/**
 * Refuses an XML part whose prolog holds a DOCTYPE (the only place entity
 * declarations can live): spreadsheet programs never write one, and billion
 * laughs / external entities (SYSTEM "file:///…", PUBLIC "http://…") all need
 * it. saxes would neither expand nor fetch them, but it fails on the first
 * reference with an unhelpful error; this names the real problem. Checked on
 * bytes before any parser sees the part; only the prolog is scanned (a
 * DOCTYPE after the root element is a well-formedness error anyway).
 */
const PROLOG_MAX_BYTES = 64 * 1024;

enum State {
  Between,
  Lt,
  Pi,
  Bang,
  Comment,
  Done,
}

export class XmlPrologGuard {
  private state = State.Between;
  private seen = 0;
  /** Bytes of `<!` seen so far (to tell `<!--` from `<!DOCTYPE`). */
  private bang = 0;
  /** Last two bytes inside a PI or comment (to find `?>` / `-->`). */
  private prev1 = 0;
  private prev2 = 0;

  constructor(private readonly part: string) {}

  /** True once the root element has started: nothing more to check. */
  get done(): boolean {
    return this.state === State.Done;
  }

  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length && this.state !== State.Done; i++) {
      const c = bytes[i];
      this.seen++;
      switch (this.state) {
        case State.Between:
          if (c === 0x3c) this.state = State.Lt;
          // Whitespace, or the UTF-8 BOM at the very start.
          else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || (this.seen <= 3 && (c === 0xef || c === 0xbb || c === 0xbf))) break;
          // Text before the root: not well-formed, the parser will say so.
          else this.state = State.Done;
          break;
        case State.Lt:
          if (c === 0x3f) this.enter(State.Pi);
          else if (c === 0x21) (this.state = State.Bang), (this.bang = 0);
          else this.state = State.Done;
          break;
        case State.Bang:
          if (c !== 0x2d) throw this.refuse();
          if (++this.bang === 2) this.enter(State.Comment);
          break;
        case State.Pi:
          if (c === 0x3e && this.prev1 === 0x3f) this.state = State.Between;
          else this.shift(c);
          break;
        case State.Comment:
          if (c === 0x3e && this.prev1 === 0x2d && this.prev2 === 0x2d) this.state = State.Between;
          else this.shift(c);
          break;
      }
      if (this.seen > PROLOG_MAX_BYTES && this.state !== State.Done) {
        throw new SourceError('XLSX', `The workbook is damaged (part ${this.part} starts with over 64 KB of declarations): open it in Excel and save it again`, {
          part: this.part,
        });
      }
    }
  }

  private enter(state: State) {
    this.state = state;
    this.prev1 = 0;
    this.prev2 = 0;
  }

  private shift(c: number) {
    this.prev2 = this.prev1;
    this.prev1 = c;
  }

  private refuse(): SourceError {
    return new SourceError(
      'XML_DTD',
      `This file is not a plain spreadsheet: its part ${this.part} declares a DOCTYPE or XML entities, which spreadsheet programs never write. ` +
        'Open it in Excel or LibreOffice, save it as a new .xlsx (or export a CSV) and upload that.',
      { part: this.part },
    );
  }
}
