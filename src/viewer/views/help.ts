import type { DeckOptions } from '../../shared/deck';
import { dialogHeader, type DialogContent } from './mode-dialog';
import { el } from '../../browser/dom';

type Row = [keys: string[], effect: string];

function rows(options: DeckOptions): Row[] {
  return [
    [['→', '↓', 'Bild ↓', 'Leertaste', 'J'], 'Nächste Folie bzw. nächster Schritt'],
    [['←', '↑', 'Bild ↑', 'Rücktaste', 'Umschalt + Leertaste', 'K'], 'Vorherige Folie bzw. vorheriger Schritt'],
    [['Pos 1'], 'Erste Folie'],
    [['Ende'], 'Letzte Folie'],
    [['Nummer, dann Eingabe'], 'Zur Folie mit dieser Nummer springen (z. B. 1 2 Eingabe)'],
    [['P'], 'Referentenansicht an/aus: aktuelle und nächste Folie, Notizen, Timer, Uhr'],
    [['C'], 'Zweites Fenster für den Beamer öffnen; beide Fenster folgen einander'],
    [['F'], 'Vollbild an/aus'],
    [
      ['B', '.'],
      'Schwarzbild an/aus (auch die Taste „Bildschirm aus“ eines Presenters); im Schwarzbild beendet eine Blättertaste erst das Schwarzbild und blättert beim nächsten Druck',
    ],
    [['M'], 'Folie spiegeln'],
    [['L'], 'Leseansicht an/aus: alle Folien untereinander als eine Seite (auf schmalen Bildschirmen von selbst)'],
    [['N'], 'Dunkles / helles Design (gilt für alle Seiten des Kurses und das Beamer-Fenster)'],
    [['O'], 'Folienübersicht; Pfeiltasten wählen, Eingabe springt'],
    [
      ['/'],
      'Suchen und Inhalt: Text aller Folien durchsuchen (Titel zuerst), ohne Suchbegriff die Abschnitte; Eingabe springt',
    ],
    [
      ['+', '−'],
      'Zoom: in die Folie hinein / wieder heraus (Alt + Klick zoomt an die Stelle); Esc oder ein Folienwechsel zeigt die ganze Folie; das Beamer-Fenster zoomt mit',
    ],
    [
      ['D'],
      'Stift an/aus: mit Maus, Finger oder Stift auf die Folie zeichnen (Farben, Breiten, Radierer in der Leiste oben); Beamer-Fenster und Folgende sehen die Striche',
    ],
    [['E'], 'Radierer an/aus (entfernt ganze Striche)'],
    [['U', 'Strg + Z'], 'Stift: letzten Schritt auf dieser Folie zurücknehmen'],
    [['Entf'], 'Alle Striche dieser Folie löschen'],
    [['X'], 'Laserpointer an/aus: ein roter Punkt folgt dem Zeiger, auch im Beamer-Fenster und bei Folgenden'],
    [['G'], 'Referentenansicht: QR-Code, mit dem ein Telefon zur Fernbedienung wird'],
    [['S'], 'Timer starten / anhalten'],
    [['T'], 'Timer auf 0:00:00 zurücksetzen'],
    [['R'], 'Demo der Folie: ausführen (sonst in die Warteschlange; Tracking: Besuch senden)'],
    [
      ['Q'],
      'Demo der Folie: Job in die Warteschlange (Absturz-Demo: Worker abstürzen lassen; Cluster-Demo: die Instanz anhalten, die zuletzt antwortete)',
    ],
    [['W'], 'Demo der Folie: 5 Jobs auf einmal (Worker-Demo)'],
    [['Z'], 'Demo der Folie zurücksetzen'],
    [['A'], 'Referentenansicht: Abstimmung zur Folie öffnen (ohne eigene Frage: eine Frage des Fragenkatalogs wählen)'],
    [['H', '?'], 'Diese Hilfe'],
    [['Esc'], 'Hilfe, Übersicht, Suche, Schwarzbild, Stift oder Laserpointer beenden'],
    [['Strg + P'], 'Drucken: eine Folie je Seite, in der Referentenansicht mit Notizen'],
    ...(options.touch ? [[['Wischen'], 'Auf Touchscreens: nach links weiter, nach rechts zurück'] as Row] : []),
    ...(options.scroll ? [[['Mausrad'], 'Eine Drehung oder Wischgeste auf dem Trackpad: eine Folie'] as Row] : []),
    ...(options.click ? [[['Klick'], 'Links: weiter, rechts: zurück'] as Row] : []),
  ];
}

/** The help overlay (H or ?): every key the viewer understands, in German. */
export function helpContent(options: DeckOptions): DialogContent {
  return {
    fill(dialog) {
      dialogHeader(dialog, 'Tastenkürzel');
      const head = el('tr', {}, el('th', { scope: 'col' }, 'Taste'), el('th', { scope: 'col' }, 'Wirkung'));
      const body = rows(options).map(([keys, effect]) =>
        el(
          'tr',
          {},
          el('td', {}, ...keys.flatMap((key, i) => (i === 0 ? [el('kbd', {}, key)] : [' ', el('kbd', {}, key)]))),
          el('td', {}, effect),
        ),
      );
      dialog.append(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
    },
    opened: (dialog) => dialog.querySelector<HTMLElement>('.vs-dialog-close'),
  };
}
