/** Where an export's rows go: a CSV or an XLSX part file. */
export interface ExportSink {
  /** The run continues an earlier one's file (CSV); false: it starts the file over. */
  resumed: boolean;
  /** Bytes in the file so far (what a resumed run may keep). */
  bytes(): number;
  /** Appends one page of rows; resolves once they are written (backpressure: one page in flight). */
  write(records: unknown[][]): Promise<void>;
  /** Completes the file (XLSX: the zip's directory), ready to be renamed. */
  finish(): Promise<void>;
  /** Leaves the part file as it is: the run stops, or another process took the job. */
  abandon(): Promise<void>;
}
