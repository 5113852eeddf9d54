export interface PageWeight { path: string; html: number; css: number; js: number; total: number }
export interface Weights { pages: PageWeight[]; lazyChunks: { file: string; gzip: number }[] }
export function pageWeights(dist?: string): Weights;
export function formatWeights(weights: Weights): string;
