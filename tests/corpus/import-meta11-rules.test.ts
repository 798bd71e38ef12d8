/**
 * The headline and date rules learnt from the eleventh tune set (bench/import-eval/meta11: more of
 * Mozilla Readability's saved pages: a civil-liberties blog, Chinese news portals, a WordPress news
 * blog, ...): each on a small page written for the test, with what a teacher would see wrong in the
 * draft's `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/corpus/import/draft-article.js';
import { urlDate } from '../../src/corpus/import/address-and-title-date.js';
import { found, page } from '../helpers/import-page.js';

/** A short Chinese news page as a portal saves it: no lang attribute, the date only in a span. */
function chinesePage(charset: string, dateLine: string): string {
  const paragraph =
    '县教育局星期二宣布，从明年秋季开始，全县中小学每天的上课时间将延长二十分钟，用于低年级的阅读课和初中的数学课。';
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>全县中小学明年起延长上课时间_教育_新闻网</title></head><body><div class="hd"><h1>全县中小学明年起延长上课时间</h1><div class="info"><span class="pubTime">${dateLine}</span></div></div><div class="bd">${`<p>${paragraph}</p>`.repeat(3)}</div></body></html>`;
}

/** The page in GBK, written with the decoder's own table: Node has a GBK decoder but no encoder. */
function gbkBytes(text: string): Buffer {
  const gbk = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = gbk.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  return Buffer.from(
    [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)),
  );
}

const imported = (html: string, bytes: (text: string) => Buffer) =>
  draftArticle({ bytes: bytes(html), kind: 'html', name: 'zh.html', file: '/tmp/zh.html' });

describe('a page saved as UTF-8 under an older Chinese, Japanese or Korean label', () => {
  it('reads the headline as written, not as the label would turn it', () => {
    const draft = imported(chinesePage('gb2312', '2016年10月14日07:17'), (html) =>
      Buffer.from(html, 'utf8'),
    );
    // Read as GBK, the headline would be "鍏ㄥ幙涓皬瀛︽槑骞磋捣寤堕暱涓婅鏃堕棿".
    expect(found(draft, 'title')).toBe('全县中小学明年起延长上课时间');
    expect(draft.encoding.name).toBe('utf-8');
    expect(draft.encoding.from).toMatch(/says gbk, but the bytes are UTF-8/);
  });

  it('still follows the label when the bytes are the encoding it names', () => {
    const html = chinesePage('gb2312', '2016年10月14日07:17');
    const draft = imported(html, gbkBytes);
    expect(found(draft, 'title')).toBe('全县中小学明年起延长上课时间');
    expect(draft.encoding.name).toBe('gbk');
  });
});

describe('a date written with the year, month and day characters', () => {
  it('is read on a page that declares no language', () => {
    const draft = imported(chinesePage('utf-8', '2016年10月14日07:17 来源：新闻网'), (html) =>
      Buffer.from(html, 'utf8'),
    );
    expect(found(draft, 'published')).toBe('2016-10-14');
  });
});

describe('a date in an element whose class calls it an update', () => {
  // The page's header, above the story's photo and text: the author's line, with a long affiliation,
  // is too long to be read as a date line of its own.
  const header =
    '<div class="page-title"><div class="inner"><h1>School day to grow longer</h1><div class="author-line"><div class="blog-author">By <a href="/bio/jo-park">Jo Park</a>, Senior Staff Reporter for Schools and Families, County Education News Service, and the Board of Education’s Public Meetings Project</div><div class="updated-date">April 5, 2018 | 6:00 PM</div></div><ul class="tags"><li><a href="/t/1">Schools</a></li><li><a href="/t/2">Budget</a></li></ul></div></div><div class="content-column"><figure><img src="a.jpg" alt="A classroom"></figure>';

  it('is the page’s date when it is the only one the page shows', () => {
    const draft = page({ before: header, after: '</div>' });
    expect(found(draft, 'published')).toBe('2018-04-05');
  });

  it('still gives way to a date the page marks as the publication', () => {
    const draft = page({
      head: '<meta property="article:published_time" content="2018-04-03T09:00:00-04:00">',
      before: header,
      after: '</div>',
    });
    expect(found(draft, 'published')).toBe('2018-04-03');
  });

  it('is left blank to fill in when the page hides it', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1><span class="updated rich-snippet-hidden">2019-01-07T17:27:31+02:00</span>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });

  it('is the publication’s when the element also says so', () => {
    // WordPress themes give the publication's date both classes ("entry-date published updated", for
    // the hAtom microformat); the next post's date comes later on the page.
    const draft = page({
      top: '<h1>School day to grow longer</h1><div class="entry-meta"><span class="entry-date published updated">March 9, 2017</span></div>',
      after:
        '<div class="next-post"><span class="meta-date">March 12, 2017</span> <a href="/next">Bus routes change</a></div>',
    });
    expect(found(draft, 'published')).toBe('2017-03-09');
  });
  it('is still passed over when the page hides it, whatever else its class says', () => {
    // Wikipedia's infobox keeps a company's founding day, for the hCard microformat, out of sight.
    const draft = page({
      top: '<h1>Mozilla</h1><table class="infobox vcard"><tr><th>Founded</th><td>February 28, 1998<span style="display:none"> (<span class="bday dtstart published updated">1998-02-28</span>)</span></td></tr></table>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});

describe('a date in the page’s address written without separators', () => {
  it('dates a page that prints no date', () => {
    const draft = page({
      head: '<meta property="og:url" content="http://news.example.com/en/20150512-school-day-longer">',
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'published')).toBe('2015-05-12');
  });

  it('is read at the end of the story’s name and as a segment, only as a real day', () => {
    expect(urlDate('https://example.org/hidden-heroines-of-chaos-20190520/')?.value).toBe(
      '2019-05-20',
    );
    expect(urlDate('http://tech.example.com/a/20161014/006270.htm')?.value).toBe('2016-10-14');
    expect(urlDate('https://example.org/item-20151340-widget')).toBeUndefined();
    expect(urlDate('https://example.org/products/2015051234')).toBeUndefined();
  });
});

describe('a title that joins the post to the blog’s name with an "@"', () => {
  it('is the post’s title, without the blog’s and the platform’s names', () => {
    const draft = page({
      title: 'School day to grow longer @ County Schools Blog :: Blogland ::',
      head: '<meta property="og:site_name" content="County Schools Blog"><meta property="og:url" content="http://countyschools.blogland.example/blog/post/39926056"><meta property="og:title" content="School day to grow longer @ County Schools Blog :: Blogland ::">',
      before:
        '<h1><a href="http://countyschools.blogland.example/blog">County Schools Blog</a></h1><h2>Notes from the school board, every week since 2009, by two parents of the district and their friends</h2>',
      top: '<h2><a href="http://countyschools.blogland.example/blog/post/39926056">School day to grow longer</a></h2>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
  });

  it('keeps an "@" that is part of the headline', () => {
    const draft = page({
      title: 'Meet the teachers @ Lincoln High | County Schools Blog',
      head: '<meta property="og:site_name" content="County Schools Blog">',
      top: '<h1>Meet the teachers @ Lincoln High</h1>',
    });
    expect(found(draft, 'title')).toBe('Meet the teachers @ Lincoln High');
  });
});
