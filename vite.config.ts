import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { macros } from './slides/macros';
import { DeckRegistry } from './src/deck/registry';
import { VISITS_LIVE_FILE } from './src/shared/tracking';
import deckPages from './src/deck/vite-plugin';
import quizPages from './src/quiz-bank/vite-plugin';
import sitePages from './src/site/vite-plugin';
import taskCatalogue from './src/widgets/catalogue-plugin';

/**
 * Chunks by what a page needs. Every page: its own script and one small chunk shared by all pages
 * (visit beacon, demo names, the browser kit, Vite's loader for lazy modules). A diagram: mermaid's core with
 * everything it imports, then what a flowchart adds (a few files instead of dozens).
 */
const CHUNKS = [
  {
    name: 'site',
    test: /[\\/]src[\\/]site[\\/](track|theme-switch)\.ts$|[\\/]src[\\/]shared[\\/]demos\.ts$|[\\/]src[\\/]browser[\\/]|vite[\\/]preload-helper/,
    priority: 3,
  },
  { name: 'mermaid', test: /[\\/]mermaid[\\/]dist[\\/]mermaid\.core\.mjs$/, priority: 2 },
  { name: 'mermaid-flowchart', test: /[\\/]mermaid\.core[\\/](flowDiagram|dagre)-\w+\.mjs$/, priority: 1 },
];

const VISITS_LIVE = 'visits-live';

/** The course's decks, compiled once and read by the deck pages, the quiz pages and the lists. */
const registry = new DeckRegistry({ root: import.meta.dirname, macros });

export default defineConfig({
  plugins: [deckPages({ registry }), quizPages({ registry }), sitePages({ registry }), taskCatalogue()],
  build: {
    // Every browser the site supports preloads modules natively.
    modulePreload: { polyfill: false },
    // mermaid's core is one file on purpose (fewer requests); only diagram slides load it.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: {
        home: resolve(import.meta.dirname, 'index.html'),
        praesentationen: resolve(import.meta.dirname, 'praesentationen.html'),
        abstimmungen: resolve(import.meta.dirname, 'abstimmungen.html'),
        [VISITS_LIVE]: resolve(import.meta.dirname, 'src/site/visits-live.ts'),
      },
      output: {
        // The tracking server's /visits page asks for its live script by a fixed name.
        entryFileNames: (chunk) => (chunk.name === VISITS_LIVE ? VISITS_LIVE_FILE : 'assets/[name]-[hash].js'),
        codeSplitting: { groups: CHUNKS },
      },
      // Timing notes about slow plugins appear on a busy machine; they are for profiling, not for a start.
      checks: { bundlerTimings: false },
    },
  },
});
