"""Cleaning of whole made-up pages: which stretch of a scraped page is the article."""
from __future__ import annotations

import pytest

from onrecord.model import Document
from onrecord.stages.clean import clean

SETTINGS = {"clean": {"min_body_chars": 200}}

STORY = [
    "Firefighters battled a blaze for six hours on Sunday at a timber yard on the edge of Tampere, the regional "
    "rescue service said, and smoke could be seen across the city.",
    "Nobody was hurt in the fire at the timber yard, but residents of two nearby streets were told to keep their "
    "windows closed until the evening, the rescue service said.",
    "The owner of the timber yard said the fire destroyed a warehouse holding a season's worth of sawn timber "
    "and two forklifts, and the loss would run to millions of euros.",
    "Police said they had opened an investigation into the cause of the fire and asked witnesses who were near "
    "the yard on Sunday morning to come forward.",
    "The rescue service said crews would stay at the timber yard overnight to watch for embers in the piles of "
    "sawdust, which can smoulder for days.",
]
NEXT = [
    "The national orchestra will play its first concert in the renovated music hall next spring, its director "
    "announced on Monday, two years after the building closed for repairs.",
    "The renovation of the music hall cost more than forty million euros and replaced the seats, the stage and "
    "the acoustic panels that musicians had long complained about.",
    "Tickets for the opening concert of the orchestra go on sale in January, and the hall will hold an open day "
    "for the public a week before the first performance.",
    "The director said the orchestra had rehearsed in a former factory during the renovation and would return "
    "there for a festival of chamber music in the summer.",
    "Critics have praised the acoustics of similar halls built by the same architects in other countries, "
    "though some said the design of the hall was too plain.",
    "The city has promised to improve the tram connection to the music hall before the opening concert, after "
    "complaints that it was hard to reach in the evening.",
]
NEXT_HEAD = ["Music hall reopens for the orchestra in spring", "By Mikko Laine", "November 19, 2019"]


def body(raw: str) -> list[str]:
    doc = clean(Document(source="t.txt", doc_id="t", fmt="text", raw=raw), SETTINGS)
    return doc.body.split("\n\n") if doc.body else []


def lines(*parts) -> str:
    out: list[str] = []
    for p in parts:
        out += p if isinstance(p, list) else [p]
    return "\n".join(out)


HEAD = ["Home", "News", "Fire destroys timber yard warehouse in Tampere", "By Anna Virtanen", "November 18, 2019"]


@pytest.mark.parametrize("name,raw,expected", [
    ("one paragraph, share buttons, the next story under a label",
     lines(HEAD, STORY[0], "Share", "Tweet", "Next story", NEXT_HEAD, NEXT * 2), STORY[:1]),
    ("one paragraph, tags, the next story with no label",
     lines(HEAD, STORY[0], "Tags: fire, Tampere", NEXT_HEAD, NEXT, "Copyright \u00a9 2019 Example News"), STORY[:1]),
    ("one paragraph under a date stamp only, then 'Read next'",
     lines("Home", "Fire destroys timber yard warehouse in Tampere", "November 18, 2019", STORY[0], "Email",
           "Read next", NEXT_HEAD, NEXT), STORY[:1]),
    ("an article without date or byline, closed by buttons, before a headed next story",
     lines("Home", "Fire destroys timber yard warehouse in Tampere", "Anna Virtanen", "Staff writer", STORY, "Share",
           "Print", "Next story", NEXT_HEAD, NEXT), STORY),
])
def test_the_article_wins_over_a_longer_next_story(name, raw, expected):
    assert body(raw) == expected


@pytest.mark.parametrize("name,raw", [
    # A teaser under its own date stamp, straight above the article's head: nothing closes it.
    ("a dated teaser above the article",
     lines("Home", "Music hall reopens for the orchestra in spring", "November 17, 2019", NEXT[0], HEAD[2:], STORY)),
    # Teasers glued to their headlines, closed by a menu: no article, however long.
    ("glued teasers above the article",
     lines("Home", "Latest",
           [f"Orchestra Plays Concert In The {w}The national orchestra will play in the renovated music hall next "
            f"spring, its director announced on Monday, in a season of {n} concerts."
            for n, w in enumerate(["Park", "Harbour", "Cathedral", "Library", "Museum", "Arena"], 3)],
           "Sports", "More", HEAD[2:], STORY)),
    # Teasers on other topics, closed by a menu: their paragraphs share no words.
    ("teasers on several topics above the article",
     lines("Home", "Latest", [p[:-1] + ", officials said on Monday." for p in (
         "A former pastry chef has turned an old railway carriage into a bakery that sells forty loaves a day.",
         "Musicians were left without their cellos when an airline misrouted three crates to another continent.",
         "Radar images revealed a buried channel that once carried water across what is now dry land.",
         "The bronze figure, taken during a burglary in the seventies, was identified by a visiting historian.")],
           "Sports", "More", HEAD[2:], STORY)),
])
def test_text_above_the_article_that_is_no_article_does_not_win(name, raw):
    assert body(raw) == STORY


SENTENCES = ["The city council of Ghent voted on Tuesday to close the old town to cars.", "The vote was close.",
             "Shop owners had warned against it.", "They fear losing customers.",
             "\u201cThis will kill the high street,\u201d said Jan Peeters.", "He runs a bakery.", "The mayor disagreed.",
             "Buses will still run.", "So will bicycles.", "Deliveries are allowed before noon.",
             "Residents keep access by car.", "The plan starts in April.", "A court case could delay it."]
TEASER_BLURBS = [
    "Chef opens tiny bakery in converted railway carriage",
    "A former pastry chef has turned an old railway carriage into a bakery that sells forty loaves a day.",
    "Orchestra cancels tour after instruments lost in transit",
    "Musicians were left without their cellos when an airline misrouted three crates to another continent.",
    "Scientists map ancient river beneath desert sands",
    "Radar images revealed a buried channel that once carried water across what is now dry land.",
]
COMMENTS = [x for n in range(3) for x in (
    f"reader{n}", f"{n + 1} hours ago",
    "I think the council is right about this and the shop owners will see that soon enough, mark my words.",
    "Reply")]


@pytest.mark.parametrize("name,raw", [
    ("then teasers with blurbs", lines(HEAD, SENTENCES, "Tags: Ghent, traffic", "More stories", TEASER_BLURBS)),
    ("then a longer next story", lines(HEAD, SENTENCES, "Share", "Next story", NEXT_HEAD, NEXT)),
    ("then comments", lines(HEAD, SENTENCES, "Share", "3 comments", COMMENTS)),
])
def test_a_page_setting_each_sentence_on_its_own_line_keeps_every_sentence(name, raw):
    assert body(raw) == SENTENCES


def test_the_last_paragraph_above_share_buttons_and_comments_stays():
    assert body(lines(HEAD, STORY, "Share", "3 comments", COMMENTS)) == STORY


def test_table_rows_ending_in_a_stop_are_not_taken_for_sentences_of_the_article():
    rows = ["DL Larry Ogunjobi 63 85% 1 tackle (1 combined). 1 sack, 1 TFL.", "DL Myles Garrett 57 77% 3 QH.",
            "LB Joe Schobert 74 100% 7 tackles (10 combined).", "CB T.J. Carrie 63 85% 1 tackle."]
    from onrecord.stages import clean as C
    kinds = {ln.text: ln.kind for ln, _, _ in C.segment(lines(HEAD, STORY[:2], rows, STORY[2:]))[2]}
    assert [kinds[r] for r in rows] == ["sentence"] * 4


REVIEW = [
    "I have worked on my own motorcycles since I was seventeen, but this is my first Clymer workshop manual.",
    "The level of detail is superb, with clear diagrams and exploded drawings that really help when fitting parts.",
    "I was a little wary of the title, which names the European version of the Honda sports bike.",
    "I needn't have worried, since the British models are fully covered, with wiring diagrams clearly labelled.",
    "Working on your own bike is incredibly rewarding, and these manuals are worth every penny they cost.",
    "Servicing at home saves a small fortune over a few years, even for an occasional oil change.",
]
COOKIES = [
    "This website uses cookies to improve your experience while you navigate through the website.",
    "Out of these cookies, the cookies that are categorized as necessary are stored on your browser.",
    "We also use third-party cookies that help us analyze and understand how you use this website.",
    "These cookies will be stored in your browser only with your consent, and you may opt out of these cookies.",
    "Opting out of some of these cookies may have an effect on your browsing experience on this website.",
]


def test_a_review_of_one_sentence_paragraphs_that_share_few_words_wins_over_a_cookie_notice():
    raw = lines("Home", "Reviews", "Clymer workshop manual for the CBR600", "November 18, 2019", REVIEW,
                "Copyright \u00a9 2019 Example Bikes", "Privacy Overview", COOKIES)
    assert body(raw) == REVIEW


def test_the_sentences_of_a_cookie_notice_are_a_site_notice_but_an_article_about_cookies_is_not():
    from onrecord.stages import clean as C
    baking = "Bakers in the town sold a record number of Christmas cookies this year, the guild said on Monday."
    raw = lines(HEAD, STORY[:2], baking, STORY[2:], "Copyright \u00a9 2019 Example News", "Privacy Overview", COOKIES)
    kinds = {ln.text: ln.kind for ln, _, _ in C.segment(raw)[2]}
    assert [kinds[c] for c in COOKIES] == ["promo"] * len(COOKIES)
    assert kinds[baking] == "prose"


EVENTS = [
    "Our top picks for horse shows, clinics and fun for the month of October, from across the country.",
    "VISIT the National Horse Show, Oct. 11\u201321, in Harrisburg, PA, with a grand prix and a trade fair.",
    "SPEND a day in the country rooting for your favourite riders at the three-day event in Elkton, MD.",
    "CHEER ON juniors and young riders as they show their skills during the championships in Kentucky.",
    "WATCH the best show jumpers in the world compete for the final in Paris, with a village of shops.",
    "TRY a clinic with a team coach at one of twelve stables, open to riders of every level and age.",
]
LAST_EVENT = ("ATTEND a two-day symposium with an Olympic dressage rider and a dressage trainer, Oct. 28\u201329, at "
              "Riveredge in Chesapeake City, MD, with a cocktail hour and an evening lecture.")


def test_a_list_split_by_an_advert_keeps_its_items_after_the_advert():
    raw = lines("Home", "Things to do in October", "November 18, 2019", EVENTS, "ADVERTISEMENT",
                "Thanks for watching! Visit Website", LAST_EVENT, "Tags: events, October",
                "Copyright \u00a9 2019 Example Horse")
    assert body(raw) == EVENTS + [LAST_EVENT]


def test_a_feed_of_teasers_under_a_one_paragraph_article_does_not_take_the_article_with_it():
    feed = [x for n in range(0, 6, 2) for x in (TEASER_BLURBS[n], TEASER_BLURBS[n + 1], f"{n + 2} hours ago")]
    raw = lines(HEAD, STORY[0], feed, "Share", "Tags: fire, Tampere", "Copyright \u00a9 2019 Example News")
    assert body(raw) == STORY[:1]


SERVICE = ("The Example News customer service centre can be contacted with any questions or requests: Telephone: "
           "03-7619056 Fax: 03-5613699 E-mail: subs@example-news.com. The centre is staffed and answers on Sundays "
           "through Thursdays between 07:00 and 14:00 and on Fridays handles delivery requests only. For "
           "international customers: the centre answers between 7AM and 6PM, Telephone +972-3-761-9056, Fax: "
           "972-3-561-3699, E-mail: subs@example-news.com")


@pytest.mark.parametrize("text,expected", [
    (SERVICE, True),
    ("Anyone with information is asked to call the police on 0800 555 111 or to e-mail tips@example-police.org, "
     "the spokesman said, adding that calls would be treated in confidence and that officers would follow up "
     "every lead they received about the fire at the timber yard on Sunday morning, however small it seemed "
     "to the people who saw something near the yard before the fire brigade arrived. Tel: 0800 555 111.", False),
])
def test_a_long_service_notice_is_contact_text(text, expected):
    from onrecord.stages import clean_lines as cl
    assert cl.is_service_notice(text) is expected


def test_a_one_paragraph_article_wins_over_a_long_service_notice():
    assert body(lines(HEAD, STORY[0], "Share", "Tags: fire", "Copyright \u00a9 2019 Example News", SERVICE)) == STORY[:1]


UNSTOPPED = ["Firefighters battled a blaze for six hours on Sunday at a timber yard on the edge of Tampere, the "
             "regional rescue service said", "Nobody was hurt in the fire, but residents of two nearby streets were "
                                             "told to keep their windows closed until the evening"]


@pytest.mark.parametrize("box", [
    ["More from the desk", "Senator resigns after scandal over expenses", "Related: Markets tumble on trade fears"],
    ["Video", "Now Playing", "1:23", "Up Next"],
])
def test_paragraphs_that_lost_their_stop_under_the_stamp_stay_across_a_box(box):
    assert body(lines(HEAD, UNSTOPPED, box, STORY[2:], "Tags: fire")) == UNSTOPPED + STORY[2:]


@pytest.mark.parametrize("label", ["Image:", "Photo:", "Image caption"])
def test_the_line_under_a_caption_label_is_a_caption(label):
    caption = "Firefighters spray water on the burning warehouse at the timber yard in Tampere on Sunday"
    assert body(lines(HEAD, label, caption, "Why you can trust Example News", STORY, "Tags: fire")) == STORY


DEALS_INTRO = "We looked through this week's sales for the gadgets our readers ask about most, and these stood out."
DEALS = [
    "Sony WH-1000XM3 headphones: $278 at Amazon, down from $350, the lowest price we have seen this year.",
    "Apple iPad with a 10.2-inch screen: $249 at Walmart, with the keyboard cover thrown in for free.",
    "Instant Pot Duo pressure cooker: $59 at Target, which also knocks a fifth off the larger model.",
    "Roku Streaming Stick: $29 at Best Buy, for the week only, while stocks of the black version last.",
    "Dyson V8 cordless vacuum: $299 at Kohl's, plus a $60 voucher for a later purchase in December.",
    "Fitbit Charge 3 fitness tracker: $99 at Macy's, in three colours, with free delivery on orders.",
]
GALLERY = ["Photos: scenes from the show"] + [
    f"{n + 1} / 8 Riders and horses gather near the arena on the first day of the show." for n in range(8)]


@pytest.mark.parametrize("intro,items", [(DEALS_INTRO, DEALS), (EVENTS[0], EVENTS[1:3] + EVENTS[4:] + [LAST_EVENT])])
def test_a_list_split_by_a_gallery_keeps_the_items_after_it(intro, items):
    raw = lines("Home", "Things to buy and do", "November 18, 2019", intro, items[:2], GALLERY, items[2:],
                "Tags: lists", "Copyright \u00a9 2019 Example News")
    assert body(raw) == [intro, *items]


@pytest.mark.parametrize("texts,least,share,expected", [
    (["VISIT the show in Harrisburg.", "SPEND a day in Elkton.", "The show has a fair."], 2, 0.5, {"caps"}),
    (["WASHINGTON (AP) \u2014 The Senate voted.", "NASA said it would launch.", "The rocket flew."], 1, 0.5, set()),
    (["1. Preheat the oven.", "2. Mix the flour.", "Serve warm."], 2, 0.5, {"number"}),
    (["It rose to $5 a share.", "The index fell.", "Oil rose."], 1, 2 / 3, set()),
])
def test_list_forms(texts, least, share, expected):
    from onrecord.stages.clean_block import list_forms
    assert list_forms(texts, least, share) == expected


GLUED = [f"{head}{blurb} Readers rated it {n} out of five." for n, (head, blurb) in enumerate([
    ("Top 5 Cheese Shops In Tampere For The Holidays", "Wondering where to find the best cheese near you? We crunched "
                                                       "the numbers to find the top cheese shops in town."),
    ("The 4 Best Vegan Spots In Tampere Right Now", "Our writers crunched the numbers to find the top vegan spots "
                                                    "around the city, using reviews from diners."),
    ("New Cuban Spot Opens Its Doors Downtown This Week", "A new Cuban spot, offering burgers and more, has opened "
                                                          "its doors in the centre of the city."),
    ("Tampere's 5 Best Spots For Desserts This Winter", "Need more desserts in your life? We crunched the numbers to "
                                                        "find the best dessert spots in the city."),
], 2)]
DATELINED = ["TAMPERE, Finland (AP) \u2014 " + STORY[0][0].lower() + STORY[0][1:], *STORY[1:]]


def sentence_lines(paragraphs: list[str]) -> list[str]:
    import re
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p)]


# Other teasers, whose headlines end in other words (a glue written twice on a page is a name).
MORE_GLUED = GLUED + [t.replace("Tampere", "Turku").replace("town", "the harbour")
                      .replace("Holidays", "Holidays Again").replace("Now", "Now Again").replace("Week", "Week Again")
                      .replace("Winter", "Winter Again") for t in GLUED]


@pytest.mark.parametrize("name,teasers", [("one line each", MORE_GLUED),
                                          ("a sentence a line", sentence_lines(MORE_GLUED))])
def test_teasers_glued_to_their_headlines_do_not_win_over_the_article(name, teasers):
    raw = lines("Home", "Latest", teasers, "More", HEAD[2:], DATELINED, "Tags: fire")
    assert body(raw) == DATELINED


def test_an_article_opening_with_a_dateline_right_under_a_list_of_teasers_is_cut_from_it():
    raw = lines("Home", "Latest", GLUED, "Fire destroys timber yard warehouse in Tampere",
                "November 18, 2019 at 9:45 amFiled Under:fire, Tampere, timber, rescue service, police", DATELINED,
                "\u00a9 2019 Associated Press. All Rights Reserved.")
    assert body(raw) == DATELINED


@pytest.mark.parametrize("text,expected", [
    ("Jane Roe is Example News's deals editor and tests most of what she recommends.", True),
    ("Jan Smit covers European politics for Example News and hosts its weekly podcast.", True),
    ("Smith is the mayor of the town.", False),
    ("The mayor covers the cost of the bus for families, the council said.", False),
])
def test_author_bios(text, expected):
    from onrecord.stages import clean_signals as cs
    assert cs.is_bio(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("If you buy something through this post, Example News may get a share of the sale.", True),
    ("The mine's owners will get a share of the revenue from the new shaft, the ministry said.", False),
    ("The company will get a share of the sales of the new drug.", False),
])
def test_affiliate_disclosures_are_site_notices(text, expected):
    from onrecord.stages import clean_signals as cs
    assert cs.is_promo(text) is expected


def test_a_bio_and_a_disclosure_after_the_article_are_dropped():
    raw = lines(HEAD, STORY, "Anna Virtanen covers emergencies for Example News and hosts its weekly podcast.",
                "If you buy something through this post, Example News may get a share of the sale.", "Recommends",
                "Copyright \u00a9 2019 Example News")
    assert body(raw) == STORY


def test_the_header_of_a_box_of_links_inside_the_article_is_dropped_with_its_links():
    box = ["Tampere Fire Coverage More", "Rescue service warns of dry weather across the region",
           "Timber prices rise after a season of fires", "Police seek witnesses to a blaze near the harbour"]
    assert body(lines(HEAD, STORY[:3], box, STORY[3:], "Tags: fire")) == STORY


CAPTION = "Smoke rises above the timber yard on the edge of Tampere on Sunday."


@pytest.mark.parametrize("credit", ["GETTY", "(Image: \u00a9 Example Photo Agency)", "Photo: Reuters", "\u00a9 Jan Smit"])
def test_a_paragraph_closed_by_a_photo_credit_line_is_the_photo_s_caption(credit):
    assert body(lines(HEAD, STORY[:2], CAPTION, credit, STORY[2:], "Tags: fire")) == STORY
    assert body(lines(HEAD, CAPTION, credit, STORY, "Tags: fire")) == STORY


def test_a_credit_standing_above_its_caption_leaves_the_paragraph_before_it():
    # The longer paragraph before the credit is the article's; the short line after it the caption.
    raw = lines(HEAD, STORY[:2], "\u00a9 Jan Smit", "Firefighters at the yard, Sunday.", STORY[2:], "Tags: fire")
    assert STORY[1] in body(raw)


def test_a_video_player_right_after_the_last_paragraph_is_dropped():
    player = ["Video", "Now Playing", "1:23", "Rescue chief on the night of the fire",
              "The rescue chief spoke to reporters at the yard on Sunday.", "Up Next", "Weather for the week", "2:05"]
    assert body(lines(HEAD, STORY, player, "Tags: fire", "Copyright \u00a9 2019 Example News")) == STORY


def test_a_dated_teaser_under_a_list_header_above_the_article_does_not_win():
    teaser = [TEASER_BLURBS[0], "November 15, 2019",
              TEASER_BLURBS[1] + " The owners said they were delighted with the response from the public."]
    raw = lines("Home", "Latest News", teaser, "More news", HEAD[2:], STORY, "Tags: fire")
    assert body(raw) == STORY


def test_a_newsletter_sign_up_form_inside_the_article_does_not_end_it():
    form = ["Let our news meet your inbox. The news and stories that matter, delivered weekday mornings.", "Sign Up",
            "This site is protected by recaptcha Privacy Policy | Terms of Service"]
    assert body(lines(HEAD, STORY[:2], form, STORY[2:], "Tags: fire", "Copyright \u00a9 2019 Example News")) == STORY


@pytest.mark.parametrize("text,expected", [
    ("This site is protected by recaptcha Privacy Policy | Terms of Service", False),
    ("Copyright 2019 Example News. Privacy Policy | Terms of Service", True),
])
def test_a_sign_up_form_s_notice_is_no_footer(text, expected):
    from onrecord.stages import clean_lines as cl
    assert cl.is_footer(text) is expected


DATES = ["June 9 \u2013 Tampere, Finland @ Sports Hall", "June 10 \u2013 Turku, Finland @ Concert Hall",
         "Aug. 2 \u2013 Oulu, Finland @ City Arena", "Aug. 4 \u2013 Espoo, Finland @ Metro Arena",
         "Sept. 5 \u2013 Vaasa, Finland @ Harbour Stage"]


@pytest.mark.parametrize("heading", ["Rescue service open days:", "Timber yard fire open days"])
def test_a_list_of_facts_closing_the_article_is_kept(heading):
    raw = lines(HEAD, STORY, heading, DATES, "Additional reporting by Jan Smit", "Copyright \u00a9 2019 Example News")
    assert body(raw) == STORY + [heading] + DATES


@pytest.mark.parametrize("tail", [
    # a header of its own and headlines of no common form: other stories
    ["More stories", "Orchestra returns to the music hall", "Tram line to close for repairs in spring",
     "Storm batters coast as thousands lose power", "Council approves the new budget"],
    # a heading that has nothing to do with the article
    ["Concert calendar", *DATES],
    # three facts are no list yet
    ["Rescue service open days:", *DATES[:3]],
])
def test_other_lines_after_the_article_are_not_a_closing_list(tail):
    assert body(lines(HEAD, STORY, tail, "Copyright \u00a9 2019 Example News")) == STORY


def test_boxes_of_links_under_a_bare_repeated_header_do_not_cut_off_the_first_paragraphs():
    # A lede sharing few words with the rest, far from the article's head (share buttons between).
    lede = ["Thick smoke drifted over the northern districts as dozens of crews arrived from three neighbouring "
            "municipalities, the rescue service sirens audible for hours across the lakeside suburbs of Tampere.",
            "Commuters described flames reaching higher than nearby apartment blocks while helicopters circled "
            "overhead and volunteers handed out bottled water to exhausted crews at the fire."]
    boxes = ["Related", "Rescue service warns of dry weather across the region", "Timber prices rise after a season of fires",
             "Related", "Orchestra returns to the music hall", "Tram line to close for repairs in spring"]
    share = ["Facebook", "Twitter", "Reddit", "Email", "Print", "Share"]
    assert body(lines(HEAD, share, lede, boxes, STORY[1:], "Tags: fire")) == lede + STORY[1:]


def test_a_one_sentence_teaser_with_its_read_more_button_above_the_article_is_dropped():
    teaser = ["The best deals of the week from our shopping desk.", "Read More"]
    assert body(lines(HEAD, teaser, STORY, "Tags: fire")) == STORY


def test_a_caption_repeating_the_short_first_paragraph_leaves_the_paragraph():
    lede = "Fire destroyed a warehouse at a timber yard in Tampere on Sunday, the rescue service said."
    raw = lines(HEAD, lede, "Photo by Jan Smit/Example Photo Agency", lede, STORY[1:], "Tags: fire")
    assert body(raw) == [lede] + STORY[1:]


def test_an_interview_s_short_questions_and_answers_are_no_list_of_links():
    qa = ["Q: Favorite books?", "A: The Long Winter and The Rescue", "Q: Favorite places you have visited?",
          "A: Oulu and Turku in the summer", "Q: Favorite athlete?", "A: Kimi Raikkonen"]
    raw = lines(HEAD, STORY[:3], qa, STORY[3:], "Tags: fire")
    assert body(raw) == STORY[:3] + qa + STORY[3:]


ROUNDUP = ["Tampere d. Turku 70-44", "Tampere (1-0): Virtanen 25 points. Laine 17 points. Smit 10 points.",
           "Turku (0-1): Nieminen 15 points. Koski 6 points. Heikkinen 4 points.",
           "Oulu d. Espoo 53-9", "Oulu (1-0): Korhonen 19 points. Makinen 6 steals. Salo 4 points.",
           "Espoo (0-1): Lahtinen 4 points. Jarvinen 2 points."]


@pytest.mark.parametrize("raw,expected", [
    (lines("Home", "Basketball round-up: Tampere stays unbeaten", "By Anna Virtanen", "November 18, 2019", ROUNDUP,
           "Copyright \u00a9 2019 Example News"), ROUNDUP[1:]),
    # no date stamp or byline over the sentences: nothing reads as an article
    (lines("Home", "Basketball round-up: Tampere stays unbeaten", ROUNDUP, "Copyright \u00a9 2019 Example News"), []),
    # too little to be an article
    (lines("Home", "Basketball round-up", "November 18, 2019", ROUNDUP[:3], "Copyright \u00a9 2019 Example News"), []),
])
def test_a_round_up_of_results_with_no_paragraph_is_kept_under_its_head(raw, expected):
    assert body(raw) == expected


def test_the_section_headings_of_a_round_up_are_kept():
    sections = ["TAMPERE HARBOUR", "Tampere harbour will reopen its ferry pier in May after a winter of repairs to the "
                "quay, the port authority said on Monday, and ferries to the islands will run again.",
                "TURKU CASTLE MUSEUM AND ITS EXHIBITION", "Turku castle museum reopens in June with a new exhibition on the "
                "medieval town, its director said, after two years of repairs to the roof and the walls."]
    raw = lines(HEAD, STORY[:2], "Here are some of the highlights:", sections, STORY[2:], "Tags: fire")
    assert body(raw) == STORY[:2] + ["Here are some of the highlights:"] + sections + STORY[2:]


@pytest.mark.parametrize("box", [
    ["ORCHESTRA RETURNS TO THE RENOVATED MUSIC HALL"],
    # a video's title under the player's label, however close to the paragraph under it
    ["Video", "THE OWNER OF THE TIMBER YARD COUNTS THE LOSS AFTER THE FIRE THAT DESTROYED HIS WAREHOUSE"],
])
def test_a_line_in_capitals_that_heads_no_section_is_a_link(box):
    assert body(lines(HEAD, STORY[:2], box, STORY[2:], "Tags: fire")) == STORY
