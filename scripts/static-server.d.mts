export function serve(dir: string, options?: { port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
export const MAX_HEADER_BYTES: number;
