#!/usr/bin/env node
/** `npm start`: serve the built site on 127.0.0.1 and print its URL. Usage: node scripts/serve.mjs [dir] */
import { serve } from './static-server.mjs';

const dir = process.argv[2] ?? 'dist';
const port = Number(process.env.PORT ?? 4321);
const { url } = await serve(dir, { port });
console.log(`\n  DDIM notebook is being served at ${url}/\n  English: ${url}/en/   中文: ${url}/zh/\n  (Ctrl+C to stop)\n`);
