"""The cleaner on small hand-written page texts (one behaviour each) and on two real-page slices
(tests/fixtures/clean/README.md says where they came from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import clean_document, remove_site_repeats
from dossier.clean.rules import rule_reason
from dossier.clean.text import clean_lines, main_block
from dossier.config import CleanOptions
from dossier.model import Article, Document

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
OPTIONS = CleanOptions()

BODY = [
    "Officials from both countries met on Wednesday to discuss the new border agreement in detail.",
    "The talks lasted for more than six hours and ended with a joint statement from the ministers.",
    "“We have reached an understanding that serves the people of both nations,” the minister said.",
    "Observers said the deal could change trade in the region for years to come, if it holds.",
]


def _page(*chrome_before: str, after: tuple[str, ...] = (), headline: str = "Ministers agree on border deal") -> str:
    return "\n".join([*chrome_before, headline, "", *BODY, "", *after])


def _removed(text: str) -> dict[str, str]:
    return {r.line: r.reason for r in clean_lines(text, OPTIONS).removed}


# ------------------------------------------------------------------ one rule, one reason

@pytest.mark.parametrize("line, reason", [
    ("Skip to content", "navigation"),
    ("Read Also: Minister Resigns Over Budget Row", "link to another story"),
    ("Lesen Sie auch: Neue Regeln für Mieter", "link to another story"),
    ("Related Articles", "section heading of page chrome"),
    ("Latest Articles", "section heading of page chrome"),
    ("@YouTube", "social media embed"),
    ("Sieh dir diesen Beitrag auf Instagram an", "social media embed"),
    ("View this post on Instagram", "social media embed"),
    ("A post shared by Jane Example (@jane.example)", "social media embed"),
    ("Click to share on Twitter (Opens in new window)", "social media buttons"),
    ("Please enter your comment!", "comment form"),
    ("12 Comments", "comment form"),
    ("Your email address will not be published. Required fields are marked *", "comment form"),
    ("This site uses Akismet to reduce spam.", "comment form"),
    ("Subscribe to get the latest posts sent to your email.", "subscription prompt"),
    ("Mit unserem Newsletter erhalten Sie monatlich alle Informationen.", "subscription prompt"),
    ("Stay Connected", "stay connected widget"),
    # credits at an article's foot (real piles: Reuters, Politico) were timeline events dated the page's day
    ("Additional reporting by Steve Gorman; Editing by Marguerita Choy, Nick Zieminski and Simon Cameron-Moore",
     "reporting credit"),
    ("(Reporting by Greg Roumeliotis, Joshua Franklin, Koh Gui Qing, with reporting by Herb Lash and Megan Davies, "
     "editing by Martin Howell.)", "reporting credit"),
    ("Alex Isenstadt contributed to this report.", "reporting credit"),
    ("The Associated Press contributed reporting from Washington.", "reporting credit"),
    ("- Advertisement -", "advertisement"),
    ("This site uses cookies. By continuing to browse you agree to our use of cookies.", "cookie notice"),
    ("© 2022 Example Media Group", "copyright line"),
    ("All content © Copyright 2000 - 2023 Example TV. More text here.", "copyright line"),
    ("(Photo : ALEXANDER EXAMPLE/POOL/AFP via Getty Images)", "photo credit"),
    # real piles: captions and credits that became timeline events ("2018 (year) photo: Jewels after ...")
    ("Main image credit: Getty", "photo credit"),
    ("Jewels after Jewels after Jewels, installation views, photos © Inexhibit, 2018", "photo credit"),
    ("Header Image: People have lived in Ecuador's Amazon forests for thousands of years. Credit: J. Doe",
     "photo credit"),
    ("RUSSIA-AFGHANISTAN-DIPLOMACY-CONFLICT", "photo caption code"),
    ("-0.6 C", "weather widget"),
    ("Monday, March 20, 2023", "date line in page chrome"),
    ("17 April 2012 • 2:54pm", "date line in page chrome"),
    ("|  |  |  |  |  |", "page layout (no words)"),
    ("* * *", "page layout (no words)"),
    ("<b>Deprecated</b>:  Assigning the return value of new by reference is deprecated in "
     "<b>/www/htdocs/site/wp-settings.php</b> on line <b>520</b><br />", "server error message"),
    ("Warning: Cannot modify header information - headers already sent in /var/www/index.php on line 12",
     "server error message"),
    # real pages (htmldate-eval and AEB piles, seed 41): Barron's page tools and reprint notice,
    # a bare link, a bracketed related link, list headings, newsletter and follow prompts
    ("- Order Reprints", "social media buttons"),
    ("- Print Article", "social media buttons"),
    ("This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
     "distribution to your colleagues, clients or customers visit http://www.djreprints.com.", "site disclaimer"),
    ("https://www.barrons.com/articles/home-depot-stock-earnings-report-51574168486", "link to another page"),
    ("Listen: http://po.st/TP_615", "link to another page"),
    ("[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]", "link to another story"),
    ("Most read in world news", "section heading of page chrome"),
    ("Read more news and reviews on Scottish Field’s food and drink pages.", "link to another page"),
    ("Want more sports news? Sign up for the Sports Omelette to get all our analysis on Denver’s teams.",
     "subscription prompt"),
    ("Pick Six Newsletter", "subscription prompt"),
    ("Get local news delivered to your inbox!", "subscription prompt"),
    ("Follow @BGRDeals on Twitter to keep up with the latest and greatest deals from around the web.",
     "social media buttons"),
    ("Disclaimer: The views and investment tips expressed by investment experts on Moneycontrol.com are "
     "their own and not that of the website or its management.", "site disclaimer"),
])
def test_chrome_line_is_removed_with_its_reason(line, reason):
    assert rule_reason(line) == reason
    text = _page(line)
    assert _removed(text).get(line) == reason
    assert line not in clean_lines(text, OPTIONS).text.splitlines()


@pytest.mark.parametrize("line", [
    "The company declined to comment on the report.",
    "Photo enforcement cameras were installed on the bridge in 2019.",
    "Use a cookie cutter to cut the dough into small stars.",
    "Subscribers to the paper's newsletter complained about the price rise.",
    "On-Off-Mechanismus",
    "By the time police arrived, the crowd had gone home.",
    "Reporting by the Guardian revealed that the minister had lied.",
    "A new image of the planet was released: it shows its rings.",
    "He sold photos of the crash to the papers.",
    "Smith contributed to this report's findings before he retired.",
    "To donate to Ronnie’s cause, please visit: https://gofund.me/d4e8667e",
    "Why did they do it? Subscribers to the magazine wondered for weeks.",
    "Trending in the wrong direction, the numbers worry officials.",
    "Most read in silence, the letter was passed around the room.",
    "Why we launched a newsletter",
])
def test_body_lines_that_mention_chrome_words_are_not_rules(line):
    assert rule_reason(line) is None


# ------------------------------------------------------------------ what must stay

def test_headline_subheads_and_quotes_are_kept():
    text = "\n".join(["Ministers agree on border deal", "", BODY[0], BODY[1], "",
                      "What the deal changes", "", BODY[2], "“We will not back down,” she said.", BODY[3]])
    cleaned = clean_lines(text, OPTIONS)
    assert cleaned.title == "Ministers agree on border deal"
    for line in ["Ministers agree on border deal", "What the deal changes",
                 "“We will not back down,” she said.", *BODY]:
        assert line in cleaned.text.splitlines()
    assert cleaned.removed == []


def test_menu_before_and_teasers_after_the_article_are_removed_but_the_headline_stays():
    menu = ("Home", "World", "Business", "Sport", "Opinion", "Log in")
    teasers = ("Most Popular", "Storm closes schools across the county",
               "Local team wins the cup in extra time", "Contact us", "Privacy")
    cleaned = clean_lines(_page(*menu, after=teasers), OPTIONS)
    reasons = {r.line: r.reason for r in cleaned.removed}
    assert reasons["Home"] == "navigation"  # a rule's reason comes first
    assert all(reasons[m] == "short line before the article (page chrome)" for m in menu[1:])
    assert all(reasons[t].endswith("(page chrome)") for t in teasers)
    assert cleaned.title == "Ministers agree on border deal"
    assert cleaned.text.splitlines()[0] == "Ministers agree on border deal"
    assert all(line in cleaned.text for line in BODY)


def test_main_block_is_the_span_with_most_prose():
    lines = ["Home", "News", *BODY, "Contact", "Jobs"]
    assert main_block(lines, [None] * len(lines)) == (2, 5)


def test_text_from_an_extractor_keeps_short_lines_after_the_body():
    """trafilatura already chose the main block: a list at the end of the article stays."""
    text = "\n".join([*BODY, "1. Passports", "2. Visas", "3. Customs forms"])
    assert "3. Customs forms" in clean_lines(text, OPTIONS, extracted=True).text
    assert "3. Customs forms" not in clean_lines(text, OPTIONS).text


def test_cjk_prose_counts_as_prose():
    japanese = ["東京都は水曜日、新しい交通計画を発表し、市内のバス路線を大幅に見直すと明らかにした。",
                "計画によると、来年四月から郊外と中心部を結ぶ路線が増え、運行本数も多くなる予定だ。"]
    cleaned = clean_lines("\n".join(["ホーム", "ニュース", *japanese]), OPTIONS)
    assert all(line in cleaned.text for line in japanese)


# ------------------------------------------------------------------ metadata

def test_repeated_byline_bio_site_and_foot_credit():
    text = "\n".join(["Ministers agree on border deal", *BODY, "", "ABC News", "",
                      "Jane Doe", "Jane Doe",
                      "Jane is a journalist with ten years of experience. She is the lead writer for Daily Example."])
    cleaned = clean_lines(text, OPTIONS)
    assert cleaned.byline == "Jane Doe"
    assert cleaned.site == "Daily Example"
    assert cleaned.credited_source == "ABC News"
    reasons = _removed(text)
    assert reasons["Jane Doe"] == "byline (kept as metadata)"
    assert reasons["ABC News"] == "credit line (kept as credited source)"
    assert reasons[text.splitlines()[-1]] == "author bio"


def test_co_author_byline_line():
    # Was "Jessica Holly" alone: issue 15 item 6, a byline gives every author.
    cleaned = clean_lines(_page("By Jessica Holly, Gail Levy, 7 News"), OPTIONS)
    assert cleaned.authors == ["Jessica Holly", "Gail Levy"]
    assert cleaned.byline == "Jessica Holly, Gail Levy"
    assert cleaned.credited_source == "7 News"
    assert "By Jessica Holly" not in cleaned.text


def test_footer_menu_item_is_not_a_credit():
    text = _page(after=("Copyright 2023 Example Corp. All rights reserved.", "Trending", "Contact us",
                        "NEXTGEN TV"))
    assert clean_lines(text, OPTIONS).credited_source is None


def test_site_from_newsletter_prompt():
    cleaned = clean_lines(_page(after=("Discover more from Defence Example | Military News",)), OPTIONS)
    assert cleaned.site == "Defence Example"


def test_chrome_date_line_is_weak_evidence():
    cleaned = clean_lines(_page("Monday, March 20, 2023"), OPTIONS)
    assert (cleaned.page_date, cleaned.page_date_trust) == ("2023-03-20", "weak")
    assert cleaned.page_date_evidence[0].text == "Monday, March 20, 2023"


def test_header_date_wins_over_a_chrome_date_line():
    cleaned = clean_lines("date 2023-11-07 " + _page("Monday, March 20, 2023"), OPTIONS)
    assert (cleaned.page_date, cleaned.page_date_trust) == ("2023-11-07", "ok")
    assert _removed("date 2023-11-07 " + _page("Monday, March 20, 2023"))["Monday, March 20, 2023"] \
        == "date line in page chrome"


def test_a_header_naming_no_calendar_day_gives_no_page_date_and_says_why():
    cleaned = clean_lines("date 2024-13-45\n" + _page(""), OPTIONS)
    assert (cleaned.page_date, cleaned.page_date_trust) == (None, "missing")
    assert "no such calendar day" in cleaned.page_date_evidence[0].text
    assert [r.line for r in cleaned.removed if "no such calendar day" in r.reason] == ["date 2024-13-45"]
    assert "2024-13-45" not in cleaned.text


@pytest.mark.parametrize("first, title", [
    ("E.U. leaders weigh plans for military coordination in Brussels. They met on Friday.",
     "E.U. leaders weigh plans for military coordination in Brussels"),
    ("Power plant rules face a key test in U.S. Court on Monday. Judges heard both sides.",
     "Power plant rules face a key test in U.S. Court on Monday")])
def test_a_title_taken_from_the_text_is_not_cut_at_an_initialism(first, title):
    text = " ".join([first, *BODY])
    doc = Document(id="x", source="x.txt", kind="text", raw=text.encode(), text=text)
    assert clean_document(doc, OPTIONS).title == title


# ------------------------------------------------------------------ HTML path

def test_html_document_keeps_body_and_trusts_a_markup_date():
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY * 2)
    html = ("<html><head><title>Ministers agree on border deal</title>"
            '<meta property="article:published_time" content="2021-10-20T10:00:00Z"></head><body>'
            "<nav><a href='/'>Home</a><a href='/w'>World</a></nav>"
            f"<article><h1>Ministers agree on border deal</h1>{paragraphs}</article></body></html>")
    doc = Document(id="x", source="page.html", kind="html", raw=html.encode(), html=html)
    article = clean_document(doc, OPTIONS)
    assert isinstance(article, Article)
    assert all(line in article.text for line in BODY)
    assert "Home" not in article.text.splitlines()
    assert (article.page_date, article.page_date_trust) == ("2021-10-20", "ok")



def test_a_paragraph_that_is_a_link_to_another_story_is_removed_with_its_reason():
    """Fox News (article-extraction-benchmark): headlines of other stories set as paragraphs of the
    body, "<p><strong><a href=...>SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</a></strong></p>",
    stayed in the article's text between its paragraphs. A paragraph with a link inside stays."""
    related = "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"
    linked = "Officials said the <a href='/report'>full report</a> would be published on Friday afternoon."
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY[:2]) + \
        f"<p><strong><a href='https://example.com/spicer'>{related}</a></strong></p><p>{linked}</p>" + \
        "".join(f"<p>{line}</p>" for line in BODY[2:] + BODY)
    html = ("<html><head><title>Ministers agree on border deal</title></head><body>"
            f"<article><h1>Ministers agree on border deal</h1>{paragraphs}</article></body></html>")
    doc = Document(id="x", source="page.html", kind="html", raw=html.encode(), html=html)
    article = clean_document(doc, OPTIONS)
    assert related not in article.text
    assert (related, "link to another story") in [(r.line, r.reason) for r in article.removed]
    assert "Officials said the full report would be published on Friday afternoon." in article.text


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs_as_lines():
    """PanARMENIAN.Net (article-extraction-benchmark): the article sits in one cell of a layout table;
    read with tables, the whole story came out as one line "| Amnesty. More than 100 protesters
    killed ... November 20, 2019 - 11:28 AMT PanARMENIAN.Net - Verified video footage ... Top stories
    ... Partner news ..." (title, date and sidebars run into its first and last sentences)."""
    story = [line.replace("Wednesday", f"Wednesday {n}") for n in range(1, 4) for line in BODY]
    paragraphs = "".join(f"<p>{line}</p>" for line in story)
    html = ("<html><head><title>Ministers agree on border deal</title></head><body><div id='body'><table><tbody>"
            "<tr><td class='single_content'><div class='inner'><h1>Ministers agree on border deal</h1>"
            f"<div class='article_body'><div class='article_date'>November 20, 2019 - 11:28 AMT</div>{paragraphs}</div>"
            "</div></td><td><div><h3>Top stories</h3><p>Other news of the week is here and there.</p></div></td>"
            "</tr></tbody></table></div></body></html>")
    doc = Document(id="x", source="page.html", kind="html", raw=html.encode(), html=html)
    article = clean_document(doc, OPTIONS)
    lines = article.text.splitlines()
    assert not any(line.startswith("|") for line in lines)
    assert all(line in lines for line in story)

def _page_with(site: str, title: str, url: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY * 2)
    return (f"<html><head><title>{title}</title>"
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
            f'<link rel="canonical" href="{url}"></head><body>'
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>")


@pytest.mark.parametrize("site, title, url, expected", [
    # EFF's annual report page: og:site_name is og:title
    ("EFF's 2015 Annual Report", "EFF's 2015 Annual Report", "https://www.eff.org/annual-report/2015", "eff.org"),
    ("Cup-Vorschau: Beim BSV Stans freut man sich auf ein Bruderduell", "Cup-Vorschau: Beim BSV Stans freut man sich auf ein Bruderduell",
     "https://www.handball.ch/de/news/2022/cup-vorschau/", "handball.ch"),
    # the title, a separator, the site's name
    ("Achtsam durch die Krise | Die FURCHE", "Achtsam durch die Krise", "https://www.furche.at/achtsam", "Die FURCHE"),
    # a page whose only title is the site's name, and a front page, keep the name
    ("ICON Magazine", "ICON Magazine", "http://iconmagazine.de/story/interview/", "ICON Magazine"),
    ("The WordPress.com Blog 2024 Edition Of Our News", "The WordPress.com Blog 2024 Edition Of Our News",
     "https://en.blog.wordpress.com/", "The WordPress.com Blog 2024 Edition Of Our News"),
])
def test_a_site_name_that_is_the_page_title_is_no_site_name(site, title, url, expected):
    html = _page_with(site, title, url)
    article = clean_document(Document(id="x", source="page.html", kind="html", raw=html.encode(), html=html), OPTIONS)
    assert article.site == expected


@pytest.mark.parametrize("page_title, site, title", [
    ("Losing face: 6,000 surgical masks stolen from Kobe hospital | The Japan Times", "The Japan Times",
     "Losing face: 6,000 surgical masks stolen from Kobe hospital"),
    ("El Santo: Glasgow's Latin American delight - Scottish Field", "Scottish Field",
     "El Santo: Glasgow's Latin American delight"),
    ("Noticiero Digital - Borrell: No aplazar las parlamentarias", "Noticiero Digital",
     "Borrell: No aplazar las parlamentarias"),
    # the site's name without its article
    ("Coronavirus in Odisha: Odisha reports first Covid-19 death | Bhubaneswar News - Times of India",
     "The Times of India", "Coronavirus in Odisha: Odisha reports first Covid-19 death | Bhubaneswar News"),
    # a name inside the title, or glued to a word, stays
    ("US-Sport in Zeiten von Corona", "Sport", "US-Sport in Zeiten von Corona"),
    ("Scottish Field day draws record crowd", "Scottish Field", "Scottish Field day draws record crowd"),
])
def test_the_title_of_an_html_page_leaves_out_the_site_name(page_title, site, title):
    html = _page_with(site, page_title, "https://example.org/news/story")
    article = clean_document(Document(id="x", source="page.html", kind="html", raw=html.encode(), html=html), OPTIONS)
    assert (article.title, article.site) == (title, site)


def test_sentences_an_html_extractor_broke_at_links_are_joined():
    # A real pile (The Times of India, htmldate-eval): linked phrases came out as lines of their own,
    # and every later stage ends a sentence at a line break ("tested positive for" / "Covid-19")
    from dossier.clean.text import join_broken_lines

    broken = ("BHUBANESWAR: A 72-year-old man from Bhubaneswar who had tested positive for\nCovid-19\n"
              " died on Monday, the health department said on Tuesday.\n"
              "He had been admitted on 4th April with complaint of respiratory distress. He had history of\n"
              "chronic hypertension\n. He expired on 6th April.")
    assert join_broken_lines(broken).split("\n") == [
        "BHUBANESWAR: A 72-year-old man from Bhubaneswar who had tested positive for Covid-19 died on Monday, "
        "the health department said on Tuesday.",
        "He had been admitted on 4th April with complaint of respiratory distress. He had history of chronic "
        "hypertension. He expired on 6th April."]
    kept = ["Fast reproducible Docker builds with poetry",  # a heading
            "poetry is another tool that lets you manage logical and pinned dependencies.",
            "July 30 -- Ruoff Home Mortgage Music Center, Noblesville, IN",  # a list
            "Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI",
            "Milano Design Week 2018 | a preview of DOUTDESign at Zona Santambrogio",
            "copyright Inexhibit 2019 - ISSN: 2283-5474",  # chrome stays a line a rule can remove
            "1) Lego Star Wars 75188 Bombardiere della Resistenza con le luci",
            "http://amzn.to/2iJFhRj"]
    assert join_broken_lines("\n".join(kept)).split("\n")[1:] == kept[1:]


# ------------------------------------------------------------------ corpus step

def _article(n: int, site: str | None, extra: str) -> Article:
    return Article(id=f"a{n}", source=f"{n}.txt", text="\n".join([BODY[n % 4], extra, f"Story number {n}."]),
                   kind="text", site=site)


def test_site_repeated_lines_are_removed_and_the_step_is_idempotent():
    articles = [_article(n, "Example Times", "Follow our live coverage") for n in range(3)]
    loner = [_article(7, "Other Site", "Follow our live coverage")]
    inputs = [(a.text, list(a.removed)) for a in articles + loner]
    changed = remove_site_repeats(articles + loner, OPTIONS)
    assert sorted(changed) == ["a0", "a1", "a2"]
    for article in changed.values():
        assert "Follow our live coverage" not in article.text
        assert article.removed[-1].reason == "repeated across pages of this site"
    assert [(a.text, list(a.removed)) for a in articles + loner] == inputs  # new values, inputs kept
    stripped = [changed[a.id] for a in articles]
    assert remove_site_repeats(stripped + loner, OPTIONS) == {}  # one page of a site proves nothing


def test_an_added_page_loses_the_chrome_its_stored_site_pages_lost():
    """The stored pages of an add have lost their site's chrome already; the new page loses it too,
    as a build of all four pages would take it from each."""
    pages = [_article(n, "Example Times", "Follow our live coverage") for n in range(4)]
    stored = list(remove_site_repeats(pages[:3], OPTIONS).values())
    added = remove_site_repeats(stored + pages[3:], OPTIONS)
    assert sorted(added) == ["a3"]
    assert added["a3"] == remove_site_repeats(pages, OPTIONS)["a3"]


# ------------------------------------------------------------------ real page slices

REAL_PAGES = {
    "telegraph_plumber.txt": {
        "title": "Plumber jailed after boiler killed millionaire's daughter",
        "with": ["The deadly fumes leaked out of the dodgy boiler flue pipe",
                 "The quality of work fell below your normal high standards",
                 "sobbed in court as Hartley was led to begin his sentence"],
        "without": ["More stories", "2:54pm", "Follow us on"]},
    "wsvn_crash.txt": {
        "title": "15-year-old driver killed, 14-year-old passenger critical in SW Miami-Dade crash",
        "with": ["with plans to attempt a traffic stop in the area of Southwest 118th Avenue.",
                 "the driver lost control of the vehicle",
                 "the incident unfolded in the area of Miller Drive and Southwest 117th Avenue"],
        "without": ["Join our Newsletter", "for the latest news right to your inbox", "CHILDRENS PROGRAMMING"]},
}


@pytest.mark.parametrize("name", sorted(REAL_PAGES))
def test_real_page_text(name):
    expected = REAL_PAGES[name]
    cleaned = clean_lines((FIXTURES / name).read_text(encoding="utf-8"), OPTIONS)
    assert cleaned.title == expected["title"]
    assert all(snippet in cleaned.text for snippet in expected["with"])
    assert not any(snippet in cleaned.text for snippet in expected["without"])
    removed = "\n".join(r.line for r in cleaned.removed)
    assert all(snippet in removed for snippet in expected["without"])  # kept, with a reason


@pytest.mark.parametrize("raw, name", [
    ("&amp;copy; 2016 aryanews.com", "aryanews.com"),  # escaped twice in the page's markup
    ("Copyright © 2001-2009 Example Times", "Example Times"),
    ("(c) 2020 Daily Herald. All rights reserved.", "Daily Herald"),
    ("Radio 2000", "Radio 2000"),
    ("AT&amp;T Newsroom", "AT&T Newsroom"),
    ("©", None),
    # a slogan after the name is no part of it (a user's pile); a short second part stays
    ("My Daily Magazine - Art, Design, DIY, Fashion and Beauty !", "My Daily Magazine"),
    ("WSVN 7News | Miami News, Weather, Sports and Breaking News", "WSVN 7News"),
    ("Stuff - NZ", "Stuff - NZ"),
    ("Sun-Times", "Sun-Times"),
    ("☆☆☆☆☆ - Journalistenwatch e.V. - Aktuelle Geschehnisse", "☆☆☆☆☆ - Journalistenwatch e.V. - Aktuelle Geschehnisse"),
])
def test_site_name_is_decoded_and_loses_its_copyright_notice(raw, name):
    from dossier.clean.html import site_name

    assert site_name(raw) == name



def test_a_placeholder_headline_in_the_page_metadata_is_no_title():
    # A real pile (The Telegraph, 2012): the JSON-LD "headline" trafilatura reads was the CMS's name,
    # "escenic", and the article was listed under that title; its og:title gives the real one.
    from dossier.clean.html import page_title

    head = ('<head><meta property="og:title" content="Plumber jailed after boiler killed millionaire&#39;s '
            'daughter  "><script type="application/ld+json">{"headline": "escenic"}</script></head>')
    assert page_title("escenic", head) == "Plumber jailed after boiler killed millionaire's daughter"
    assert page_title("Plumber jailed", head) == "Plumber jailed"
    assert page_title("escenic", "<head></head>") == "escenic"  # nothing better: what there is


def test_a_pages_script_passed_on_as_text_is_chrome():
    """JavaScript an extractor left in a recipe page's text (a user's htmldate-eval pile) is no
    words of the article; prose with the same words stays."""
    for line in ("(function() {", "\t document.addEventListener('DOMContentLoaded', function() {",
                 "\t\t var configuration = {};", "if (window.innerWidth > 600) {"):
        assert rule_reason(line) == "script code"
    for line in ("The function of the council is to advise.", "Let me be clear: we will win.",
                 "For the first time, the window was open.", "If (as expected) the vote passes, prices will rise."):
        assert rule_reason(line) is None


def test_a_hover_card_or_hidden_span_inside_a_paragraph_is_not_article_text():
    # The Hill (AEB pages): a person's name in a paragraph carries a hover card (photo, full name,
    # headlines, "MORE") that extractors glued into the sentence
    from dossier.clean.html import extract_main_text

    card = ('<span class="rollover-people"><a class="rollover-people-link" href="/people/kristi-noem">Kristi Noem</a>'
            '<span class="rollover-people-block"><span class="rollover-block"><img src="k.jpg">'
            '<a class="name" href="/people/kristi-noem">Kristi Lynn Noem</a>'
            '<a href="/a">South Dakota drops pipeline protest laws after lawsuit</a>'
            '<a class="more" href="/people/kristi-noem">MORE</a></span></span></span>')
    paragraphs = [
        f"South Dakota Gov. {card} (R) is defending the state's launch of an anti-drug campaign with a slogan.",
        'The tagline drew a mix of criticism<span style="display: none">Artikel gemerkt</span> and ridicule '
        "across Twitter on Monday, but Noem cited the backlash as proof that the campaign was working.",
        "The campaign, which includes both digital and TV ads, cost the state roughly $449,000, the paper said.",
        "One campaign video featured a series of South Dakotans, including adults and children, declaring it."]
    html = ("<html><head><title>Noem defends meth campaign</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    text = extract_main_text(html)
    assert "South Dakota Gov. Kristi Noem (R) is defending" in text
    assert "criticism and ridicule" in text
    assert "Kristi Lynn Noem" not in text and "MORE" not in text and "pipeline" not in text


def test_a_dateline_stamp_after_a_section_name_is_a_date_line():
    # Hindustan Times (htmldate-eval): "india Updated: Apr 26, 2020 21:43 IST" stayed in the
    # article's text between the standfirst and the first paragraph
    cleaned = clean_lines("Odisha artist spreads awareness\nindia Updated: Apr 26, 2020 21:43 IST\n"
                          + "\n".join(BODY), OPTIONS, extracted=True)
    assert "Updated" not in cleaned.text
    assert ("india Updated: Apr 26, 2020 21:43 IST", "modification date line (kept as page date evidence)") \
        in [(r.line, r.reason) for r in cleaned.removed]
    # a sentence telling of an update stays
    assert "The list was updated on March 4, 2020." in clean_lines(
        "\n".join(BODY) + "\nThe list was updated on March 4, 2020.", OPTIONS, extracted=True).text


def test_a_title_that_is_the_pages_host_name_gives_way_to_the_pages_title():
    """gnu.org (htmldate-eval): <meta name="DC.title" content="gnu.org">, which trafilatura prefers to
    <title>, made the article's title "gnu.org" and its site "The GNU General Public License v3.0 -
    GNU Project" (the <title> split at its last dash)."""
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY * 2)
    html = ('<html><head><meta name="DC.title" content="gnu.org" />'
            "<title>The GNU General Public License v3.0\n- GNU Project - Free Software Foundation</title></head>"
            f"<body><article>{paragraphs}</article></body></html>")
    doc = Document(id="x", source="page.html", kind="html", raw=html.encode(), html=html,
                   meta={"url": "https://www.gnu.org/licenses/gpl-3.0.en.html"})
    article = clean_document(doc, OPTIONS)
    assert article.title == "The GNU General Public License v3.0 - GNU Project"
    assert article.site == "Free Software Foundation"
