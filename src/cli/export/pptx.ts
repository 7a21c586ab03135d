/** A PowerPoint file from slide pictures: one picture per slide, the notes as speaker notes. */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import PptxGenJS from 'pptxgenjs';
import type { Capture } from './capture';

/** Width of a PowerPoint slide in inches (its height follows the canvas). */
const SLIDE_INCHES = 10;

/** The notes of a slide as plain text, paragraphs kept. */
export function notesText(notesHtml: string): string {
  return toText(fromHtml(notesHtml, { fragment: true })).trim();
}

export async function writePptx({ deck, canvas, shots }: Capture, out: string): Promise<void> {
  const pptx = new PptxGenJS();
  const height = (SLIDE_INCHES * canvas.height) / canvas.width;
  pptx.defineLayout({ name: 'FOLIE', width: SLIDE_INCHES, height });
  pptx.layout = 'FOLIE';
  pptx.title = deck.title;
  for (const { index, png } of shots) {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: 0, y: 0, w: SLIDE_INCHES, h: height });
    const notes = notesText(deck.slides[index]?.notesHtml ?? '');
    if (notes) slide.addNotes(notes);
  }
  await pptx.writeFile({ fileName: out, compression: true });
}
