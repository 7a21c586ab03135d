import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import deckPages from './src/deck/vite-plugin';
import quizPages from './src/quiz-bank/vite-plugin';
import sitePages from './src/site/vite-plugin';

export default defineConfig({
  plugins: [deckPages(), quizPages(), sitePages()],
  build: {
    rollupOptions: {
      input: {
        home: resolve(import.meta.dirname, 'index.html'),
        praesentationen: resolve(import.meta.dirname, 'praesentationen.html'),
      },
    },
  },
});
