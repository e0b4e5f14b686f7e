/** The part of unzipper 0.10 used here: a zip read by its central directory (no @types package is installed). */
declare module "unzipper" {
  import type { Readable } from "node:stream";

  export interface File {
    path: string;
    type: "File" | "Directory";
    uncompressedSize: number;
    stream(password?: string): Readable;
  }
  export interface CentralDirectory {
    files: File[];
  }
  const unzipper: {
    Open: {
      file(path: string): Promise<CentralDirectory>;
      buffer(bytes: Buffer): Promise<CentralDirectory>;
    };
  };
  export default unzipper;
}
