/**
 * remark plugin: a Markdown link or image whose URL would run script (`javascript:`,
 * `vbscript:`, `data:` other than an image) is dropped with a warning; the link's text stays.
 * Raw HTML is the author's own and is not touched.
 */
import type { Parent, Root, RootContent } from 'mdast';
import { isUnsafeUrl } from '../assets';
import { contextOf } from '../context';

export default function remarkSafeUrls() {
  return (tree: Root, file: { data: object }) => {
    const { settings } = contextOf(file.data);
    const clean = (parent: Parent): void => {
      const children: RootContent[] = [];
      for (const child of parent.children) {
        if ((child.type === 'link' || child.type === 'image') && isUnsafeUrl(child.url, child.type === 'image')) {
          settings.warn(
            `${child.type === 'link' ? 'Link' : 'Bild'} mit der Adresse „${child.url.slice(0, 40)}“ entfernt: solche Adressen führen Skripte aus`,
            child.url.slice(0, 20),
          );
          if (child.type === 'link') children.push(...child.children);
          else if (child.alt) children.push({ type: 'text', value: child.alt });
          continue;
        }
        if ('children' in child) clean(child);
        children.push(child);
      }
      parent.children = children;
    };
    clean(tree);
  };
}
