/**
 * The id a draft is saved under (corpus/<id>.md): made of Latin letters, so a headline in another script
 * is named by the page's address or the saved file instead of by the numbers in it.
 */
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/corpus/import/draft-article.js';

const PARAGRAPHS = [
  '東京都は二十四日、新しい図書館の建設計画を発表した。完成は二〇二六年春の予定で、地域の子どもたちのための閲覧室も設ける。',
  '計画によると、図書館は駅前の旧庁舎跡地に建てられ、蔵書は約三十万冊となる見込みだという。',
  '都の担当者は、地域の住民の意見を聞きながら設計を進めたいと話している。',
];

function imported(title: string, head: string, file = '/tmp/saved.html') {
  const html = `<!doctype html><html lang="ja"><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1><time datetime="2023-06-24">2023年6月24日</time>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  return draftArticle({ bytes: Buffer.from(html), kind: 'html', name: 'saved', file });
}

describe('corpus import: the id of a draft', () => {
  it('names a headline in Japanese by the words of the page’s address, not by its numbers', () => {
    const draft = imported(
      '都が24日 6月に図書館計画を発表',
      '<link rel="canonical" href="https://news.example.jp/articles/tokyo-library-plan.html">',
    );
    expect(draft.id).toBe('tokyo-library-plan-2023');
  });

  it('falls back to the saved file’s name when the address is only numbers and codes', () => {
    const draft = imported(
      '都が24日 6月に図書館計画を発表',
      '<link rel="canonical" href="https://news.example.jp/article/001/0014283934">',
      '/home/teacher/Downloads/library-plan-tokyo.html',
    );
    expect(draft.id).toBe('library-plan-tokyo-2023');
  });

  it('says "article" and the year when nothing gives a word', () => {
    const draft = imported('都が24日 6月に図書館計画を発表', '', '/tmp/24062023.html');
    expect(draft.id).toBe('article-2023');
  });

  it('keeps a headline with a word of letters in it', () => {
    const draft = imported(
      'Mandelplätzchen',
      '<link rel="canonical" href="https://example.de/rezepte/backen-mit-kindern">',
    );
    expect(draft.id).toBe('mandelplatzchen-2023');
  });
});
