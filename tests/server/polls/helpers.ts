import { PostgresPollStore } from '../../../src/server/polls/postgres-store';
import { SqlitePollStore } from '../../../src/server/polls/sqlite-store';
import type { PollStore } from '../../../src/server/polls/store';
import type { QuizBank } from '../../../src/shared/quiz';
import { BANK } from '../../fixtures/poll-bank';
import { storeKinds, type TestStore as StoreTestStore } from '../store-kinds';
import { databaseUrl } from '../tracking/helpers';

export { BANK, databaseUrl };

export const banks = (deck: string): QuizBank | undefined => (deck === BANK.deckId ? BANK : undefined);

export type TestStore = StoreTestStore<PollStore>;

export const STORE_KINDS = storeKinds<PollStore>('polls', {
  sqlite: (file) => new SqlitePollStore(file),
  postgres: (url, schema) => PostgresPollStore.open(url, schema),
});
