/**
 * The date rule learnt from a tune set of Chinese pages earlier sets left out
 * (bench/import-eval/meta24): on a small page written for the test, with what a teacher would see
 * wrong in the draft's `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

const STORY = [
  '桃園市平鎮區一家輪胎行今天清晨發生大火，七人從火場中疏散，一名女子逃生不及。',
  '消防局表示，火勢延燒猛烈，出動數十名消防人員與多輛消防車，一小時後才將火勢撲滅。',
  '警方已會同消防局火災調查科人員到場勘查，起火原因仍待進一步釐清。',
];

describe('a date written year first with slashes on a Chinese page', () => {
  it('reads the day a microdata tag gives as "2016/03/19 08:15"', () => {
    const draft = page({
      lang: 'zh-Hant-TW',
      title: '平鎮輪胎行惡火 疏散7人1女命喪',
      head: '<meta itemprop="datePublished" content="2016/03/19 08:15">',
      top: '<h1>平鎮輪胎行惡火 疏散7人1女命喪</h1>',
      paragraphs: STORY,
    });
    expect(found(draft, 'published')).toBe('2016-03-19');
  });

  it('does not take the day in an address quoted in the text for the page’s date', () => {
    const draft = page({
      lang: 'zh-Hant',
      title: '平鎮輪胎行惡火 疏散7人1女命喪',
      top: '<h1>平鎮輪胎行惡火 疏散7人1女命喪</h1><p class="source">原文：example.com/news/2017/05/04/fire</p>',
      paragraphs: STORY,
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
