// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/pipeline.ts';

// Astro 7's default Markdown engine does not run remark/rehype plugins: without the unified()
// processor, display math silently becomes a code block. MDX inherits this processor.
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      remarkPlugins,
      // @ts-expect-error -- plugin tuples are typed loosely in pipeline.ts
      rehypePlugins,
    }),
  },
  integrations: [mdx()],
  vite: {
    build: {
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        output: {
          // Name the heavy, lazily loaded libraries so the page weight report and the tests can
          // tell them apart from the small island scripts every page loads.
          codeSplitting: {
            groups: [
              { name: 'tfjs', test: /node_modules[\\/]@tensorflow[\\/]/ },
              // The exercises' formula parser and code editor load only when a reader checks a formula or opens code.
              { name: 'mathjs', test: /node_modules[\\/](mathjs|typed-function|decimal\.js|complex\.js|fraction\.js|javascript-natural-sort|escape-latex|seedrandom|tiny-emitter)[\\/]/ },
              { name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|style-mod|w3c-keyname|crelt)[\\/]/ },
              { name: 'plot', test: /node_modules[\\/](@observablehq|d3-[a-z-]+|internmap|interval-tree-1d|isoformat|delaunator|robust-predicates|binary-search-bounds)[\\/]/ },
            ],
          },
        },
      },
    },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
