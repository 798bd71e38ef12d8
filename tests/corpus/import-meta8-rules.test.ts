/**
 * The headline and date rules learnt from the eighth tune set
 * (bench/import-eval/meta8: news pages in Chinese and Japanese, a motoring
 * site, a research blog, a company blog, a magazine): each on a small page
 * written for the test, with what a teacher would see wrong in the draft's
 * `title` or `published` without the rule.
 */
import { describe, expect, it } from 'vitest';
import { found, page } from '../helpers/import-page.js';

describe('the headline', () => {
  it('takes the headline set in a sidebar column when it says what the structured data declares', () => {
    // The page's layout puts the headline, byline and date in a column named "sidebar" beside the text.
    const draft = page({
      head: `<meta property="og:title" content="School day to grow longer - Education News">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"School day to grow longer"}</script>`,
      before:
        '<div id="sidebar" class="sidebar"><h1 class="headline">School day to grow longer</h1><p>By Ana Reyes</p></div>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
  });

  it('still skips a sidebar heading that is another story', () => {
    const draft = page({
      head: '<meta property="og:title" content="School day to grow longer">',
      before: '<div class="sidebar"><h1>Bus routes change next month</h1></div>',
      top: '<h1>School day to grow longer</h1>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer');
  });

  it('does not take a sidebar’s link to the same story, worded as shared, over the page’s own headline', () => {
    const draft = page({
      head: '<meta property="og:title" content="Board adds twenty minutes to the day">',
      top: '<h1>School board votes to add twenty minutes to the school day</h1>',
      after:
        '<div class="sidebar"><h1><a href="/story">Board adds twenty minutes to the day</a></h1></div>',
    });
    expect(found(draft, 'title')).toBe(
      'School board votes to add twenty minutes to the school day',
    );
  });

  it('leaves out the byline printed inside the headline after a line break', () => {
    const draft = page({
      head: '<meta property="og:title" content="School day to grow longer by twenty minutes (photo: Reuters)">',
      top: '<h1><span>School day to grow longer by twenty minutes</span><br><span>Education editor Ana Reyes</span></h1>',
    });
    expect(found(draft, 'title')).toBe('School day to grow longer by twenty minutes');
  });

  it('keeps a headline written over two lines when the declared title has both', () => {
    const draft = page({
      head: '<meta property="og:title" content="A longer school day: what changes for families">',
      top: '<h1>A longer school day:<br>what changes for families</h1>',
    });
    expect(found(draft, 'title')).toBe('A longer school day: what changes for families');
  });

  it('reads the title a page declares in its parsely-page meta when the other titles are another wording', () => {
    const draft = page({
      title: 'Board votes on longer day | The County Courier',
      head: `<meta property="og:title" content="Board votes on longer day | The County Courier">
        <meta name="parsely-page" content='{"title":"Twenty more minutes: the school day grows","pub_date":"2014-12-04T23:00:00Z"}'>`,
      top: '<h1>Twenty more minutes: the school day grows</h1><h1>Twenty more minutes: the school day grows</h1>',
    });
    expect(found(draft, 'title')).toBe('Twenty more minutes: the school day grows');
  });
});

describe('the publication date', () => {
  it('reads a JSON-LD date written in ISO 8601’s basic format', () => {
    const draft = page({
      head: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"School day to grow longer","datePublished":"20180619T055000+0900"}</script>',
      before: '<div class="header_date">2018年6月20日（水）</div>',
      top: '<h1>School day to grow longer</h1>',
    });
    // Not the day the page was saved, which its header prints.
    expect(found(draft, 'published')).toBe('2018-06-19');
  });

  it('reads the pub_date of the parsely-page meta when no other tag dates the page', () => {
    const draft = page({
      head: `<meta name="parsely-page" content='{"title":"School day to grow longer","pub_date":"2014-12-29T10:36:51+00:00"}'>
        <link rel="canonical" href="https://courier.example.org/2014/12/school-day">`,
      top: '<p class="author">Ana Reyes | 5 days ago</p><h1>School day to grow longer</h1>',
    });
    // Not the month of the page's address.
    expect(found(draft, 'published')).toBe('2014-12-29');
  });

  it('reads the date printed just under the headline in an element named for nothing', () => {
    // The headline and its date line sit in a header block of their own, outside the article's text.
    const draft = page({
      lang: 'zh',
      before:
        '<div class="mheader"><h1><span class="title">延长在校时间</span></h1><div class="info">2023-11-17 20:52:15 <span>来源：本报</span></div></div>',
    });
    expect(found(draft, 'published')).toBe('2023-11-17');
  });

  it('reads a Japanese date written with 年, 月 and 日 under the headline', () => {
    const draft = page({
      lang: 'ja',
      before:
        '<header class="article-signage"><h1 class="title">登校時間を延長</h1><div><span class="day">2018年6月18日 10:01　<span class="location">発信地：東京</span></span></div></header>',
    });
    expect(found(draft, 'published')).toBe('2018-06-18');
  });

  it('does not take a date deep in the story for the date under the headline', () => {
    const draft = page({
      top: '<h1>School day to grow longer</h1><p class="standfirst">Twenty more minutes from next autumn.</p>',
      bottom: '<p>The board meets again on March 3, 2015.</p>',
    });
    expect(found(draft, 'published')).toBeUndefined();
  });
});
