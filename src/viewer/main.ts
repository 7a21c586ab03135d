import { DECK_DATA_ID, type Deck } from '../shared/deck';

const data = document.getElementById(DECK_DATA_ID);
const deck = JSON.parse(data?.textContent ?? '{}') as Deck;
for (const slide of deck.slides) {
  const section = document.createElement('section');
  section.innerHTML = slide.html;
  document.body.append(section);
}
