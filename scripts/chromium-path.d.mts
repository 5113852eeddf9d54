export const INSTALL_HINT: string;
export function chromiumPath(): string | null;
