"""Line-level signals for the parts of a page around an article that read like text.

Comment sections, lists of posts, calls to subscribe or share, author bios, photo captions written
as sentences: these are lines a reader tells from the article by their shape and their words
("2 days ago", "Rating: 36 Votes", "Sign up for our newsletter", "Jane Doe is a freelance writer
based in Toronto", "1of4 A shopper looks at ..."). Every function looks at one whitespace-normalised
line and knows no particular site.
"""
from __future__ import annotations

import re

_TIME_UNIT = r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)"
_POST_META = re.compile(
    rf"^(?:\d+|an?|one)\s*{_TIME_UNIT}\s+ago\b.{{0,30}}$|"  # "2 days ago at 07:47 am"
    r"^(?:updated|posted|published|last updated)(?: at| on)?:? \d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?: [A-Z]{2,4})?\.?$|"
    r"^(?:rating|score|votes?|likes?|points?)\s*:?\s*[+-]?\d+(?:\s+\w+)?$|"  # "Rating: 36 Votes"
    r"^[+-]?\d[\d,.]*k?\s+(?:votes?|likes?|points?|replies|repl(?:y|ies)|upvotes?|downvotes?|recommends?|"
    r"reactions?|diggs?|shares?|comments?|retweets?)\b.{0,40}$|"  # "20 diggs Promotion", "3 replies"
    r"^(?:reply|report|report abuse|flag|like|dislike|quote|permalink|upvote|downvote|share|"
    r"hide replies|view replies|load more|show more|see more|read more)(?:\s*\(\d+\))?$",
    re.IGNORECASE,
)
_COMMENT_HEAD = re.compile(
    r"^(?:(?:top|best|most|all|latest|newest|oldest|recent|reader|readers'?|user|featured|view|show|see|read)\s+)*"
    r"(?:rated\s+)?(?:comments?|responses?|replies)"
    r"(?:\s+(?:\(\d+\)|\d+|are closed\.?|policy|section))?$|"
    r"^\d+\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:to|on)\b.{0,80})?$|"
    r"^(?:(?:want|like) to )?(?:join|start|add to|enter) the (?:discussion|conversation|debate)\W*$|"
    r"^(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\W*.{0,40}$|"
    r"^(?:you must (?:be )?|please )?log(?:ged)? ?in to (?:post a )?(?:comment|reply)\W*.{0,40}$|"
    r"^comments? (?:are|have been) closed\.?$|^(?:show|hide|view|load|read) (?:all )?(?:\d+ )?comments?\W*$",
    re.IGNORECASE,
)


_SIGNATURE = re.compile(r"\b(?:said|says|wrote|writes|commented):$", re.IGNORECASE)


def is_post_meta(text: str) -> bool:
    """A line of a post's furniture in a list of posts or comments: a relative time ("2 days ago at
    07:47 am"), a signature ("Alex on September 17, 2018 at 6:34 am said:"), a vote or reply
    count ("Rating: 36 Votes", "20 diggs"), a lone action ("Reply", "Report abuse")."""
    if len(text) > 120:
        return False
    if text.endswith(":"):
        return len(text) <= 90 and bool(_SIGNATURE.search(text))
    return bool(_POST_META.match(text.strip(" []()|\u2022\u00b7")))


def is_comment_head(text: str) -> bool:
    """The header of a comment section ("[ 167 comments ]", "Top Rated Comments", "Leave a Reply",
    "Comments are closed.", "12 Responses to ...")."""
    t = text.strip(" []()|:\u2022\u00b7-\u2014")
    return 0 < len(t) <= 120 and bool(_COMMENT_HEAD.match(t))


# Calls to subscribe, follow, share, support or buy, and site notices: one sentence of these is
# never article text wherever it stands.
_PROMO_STRONG = re.compile(
    r"\b(?:unsubscribe|sign(?:ing)? up (?:here |now |today )?(?:for|to) (?:our|the (?:free )?(?:\w+ )?(?:newsletter|"
    r"daily|weekly))|sign up (?:here|now|today)\b|subscribe (?:to our|now|today|here)|click(?:ing)? here|"
    r"click to (?:subscribe|read|watch|learn|see|download|share|support|sign|join)|tap here|"
    r"follow (?:us|me)\b|(?:delivered|sent) (?:straight |right )?to your inbox|(?:to|meets?|hits?) your inbox|no spam\b|"
    # a sign-up form's notice: "This site is protected by reCAPTCHA and the Google Privacy Policy ..."
    r"protected by recaptcha|"
    r"affiliate commission|(?:may|might|could|will) (?:earn|receive|get) an? (?:small )?(?:affiliate )?commission|"
    r"(?:may|might|could) (?:earn|receive|get) a (?:small )?(?:share|portion|cut|percentage) of (?:the |any )?"
    r"sales?\b|if you (?:buy|purchase) (?:something|anything)[^.]{0,40}\b(?:through|via) "
    r"(?:this|our|these|the) (?:post|links?|article|page)|"
    r"we (?:may|might) earn|media playback is (?:not )?(?:unsupported|supported)|subject to copyright|all rights reserved|"
    r"enjoyed (?:this|the) (?:article|story|post)|share (?:it|this(?: story| article)?) with (?:a|your) friends?|"
    r"tell us what you think|share your (?:thoughts|views|story)|(?:like|love|enjoy) this (?:story|article)\?|"
    r"want more (?:stories|news|deals|articles|like this)|(?:join|download|get) our [\w' ]{0,30}(?:app|newsletter)|"
    r"(?:our|daily|weekly|free) newsletter|to our (?:app|newsletter)|"
    r"support (?:our|independent) (?:journalism|reporting|work)|become a (?:member|subscriber|supporter) (?:today|now)|"
    r"by registering\b|(?:this|our) (?:web)?site uses cookies|we use cookies|"
    r"(?:our|this site's|this website's) use of cookies|cookies?\b.{0,60}\byou\b.{0,40}\b(?:consent|accept|agree)|"
    r"(?:strictly necessary|necessary|non-necessary|essential|functional|analytics|performance|targeting) cookies|"
    r"cookies (?:are|is) (?:absolutely |strictly )?(?:essential|necessary)|for the website to function|"
    # consent dialogs: "We and our partners store and/or access information on a device ..."
    r"we and our (?:\d+ )?(?:partners|vendors)|we (?:use|process|store|collect) (?:your )?personal data|"
    r"manage (?:your )?(?:cookie |privacy |consent )?(?:settings|preferences|choices)|"
    r"accept all(?: cookies)?\b|privacy (?:settings|preferences) (?:at any time|page|center|centre)|"
    r"retrieved \d{1,2} \w+ \d{4} from|thanks for (?:watching|reading)|now on youtube|"
    r"visit (?:our|my) (?:corporate )?(?:site|website|store|page)|check out (?:my|our) (?:website|site|page)|"
    r"(?:is|are) part of [\w .&]{2,60}, an? (?:\w+ ){0,3}(?:media group|publisher|media company)\b)|"
    r"(?:^|\. )(?:watch|listen):|(?:^|\W)read (?:more|the full (?:story|article))\W*$|"
    # paywalls and follow-the-author lines
    r"already (?:a )?(?:subscriber|member)\b|subscribe (?:to|now to) (?:continue|keep) reading|"
    r"(?:log|sign) in to (?:continue|keep) reading|(?:to )?continue reading,? (?:please )?(?:subscribe|log in|sign in)|"
    r"^follow [A-Z][\w.'\u2019 -]{1,40} on (?:twitter|facebook|instagram|linkedin|threads|x)\b",
    re.IGNORECASE,
)
#: Substrings one of which every strongly promotional line holds (a cheap test before the pattern).
_PROMO_HINTS = ("subscri", "sign", "click", "tap here", "follow", "inbox", "spam", "commission", "earn", "playback",
                "copyright", "rights reserved", "enjoyed", "share", "tell us", "like this", "love this", "enjoy this",
                "want more", "newsletter", "cookie", " app", "support", "member", "registering", "retrieved",
                "thanks for", "youtube", "visit", "check out", "watch", "listen", "read more", "read the full",
                "part of", "already", "reading", "partners", "vendors", "personal data", "manage",
                "accept all", "privacy", "protected by")
# Weaker calls, trusted only at the article's edges: a sentence that opens with a call to act, or
# that addresses the reader and names an action on the site ("... we send an email ...").
_PROMO_IMPERATIVE = re.compile(
    r"^(?:get|join|sign up|subscribe|follow|share|download|support|donate|stay (?:up to date|informed|tuned|connected)|"
    r"don't miss|do not miss|click|tap|visit|check out|tell us|watch|listen|read more|find out more|learn more|"
    r"discover more|see more|sign in|log in|register|try)\b",
    re.IGNORECASE,
)
_PROMO_SITE = re.compile(
    r"\b(?:us|our|we)\b.{0,60}\b(?:subscri\w*|newsletter|e-?mails?|sign up|log in|register|join|download|support|"
    r"donate|follow|share|comment\w*|survey|feedback|podcast|youtube|instagram|facebook|twitter|app)\b|"
    r"\b(?:subscri\w*|newsletter|e-?mails?|sign up|join|download|support|donate|follow|share|comment\w*|survey|"
    r"feedback)\b.{0,60}\b(?:us|our|we)\b",
    re.IGNORECASE,
)
#: Reported speech: a call to act in a quotation is news.
_REPORTED = re.compile(r"\b(?:said|says|told|according to|asked|urged)\b")
_SPEECH = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|according to)\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
#: A share button glued to a pull quote ("... bombards us every day.Click To Tweet").
_TWEET_BUTTON = re.compile(r"\s*click to tweet\s*$", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip()]


def is_promo(text: str, edge: bool = False) -> bool:
    """A call to subscribe, follow, share, comment or buy, or a site notice ("Sign up for our
    newsletter", "Follow me on Twitter", "Microsoft may earn an Affiliate Commission ...");
    at least half its sentences must be such calls. With ``edge`` (the line stands at the start
    or end of the article) weaker calls count too: a sentence that opens with a call to act
    ("Stay up to date with ...") or that names an action on the site ("Every day we send an
    e-mail with the top stories")."""
    text = _TWEET_BUTTON.sub("", text)
    if len(text) > 400 or not text or _REPORTED.search(text):
        return False
    low = text.lower()
    hit = any(w in low for w in _PROMO_HINTS) and _PROMO_STRONG.search(text)
    if not hit and not edge:
        return False
    sents = _sentences(text) or [text]
    strong = sum(1 for s in sents if _PROMO_STRONG.search(s)) if hit else 0
    if strong and (strong * 2 >= len(sents) or edge):
        return True
    if not edge or len(text) > 250 or _SPEECH.search(text):
        return False
    weak = sum(1 for s in sents if _PROMO_STRONG.search(s) or _PROMO_IMPERATIVE.match(s) or _PROMO_SITE.search(s))
    return weak * 2 >= len(sents)


_ROLE = (r"(?:writer|reporter|journalist|editor|correspondent|contributor|columnist|author|curator|"
         r"photographer|freelancer|blogger|critic|novelist|staff writer)")
_BIO = re.compile(
    rf"^(?:[A-Z][\w.'\u2019\-]+\s){{1,3}}(?:\([^)]{{1,60}}\)\s)?(?:is|was|has been) "
    rf"(?:a|an|the|(?:[A-Z][\w.&-]* ){{0,2}}[A-Z][\w.&-]*['\u2019]s)\b[^.;]{{0,60}}\b{_ROLE}\b|"  # "IGN's deal curator"
    r"^(?:[A-Z][\w.'\u2019\-]+\s){1,3}(?:(?:writes|reports) (?:about|on) |covers )[^.;]{2,80}\bfor\b|"
    rf"^(?:I am|I'm|I\u2019m|About the author:?)\s(?:a|an)\b[^.;]{{0,60}}\b{_ROLE}\b|"
    r"^(?:Follow|Contact|Email|Reach) (?:him|her|them|me)\b|"
    r"^(?:His|Her|Their) (?:work|writing|latest book|books?|articles?) (?:has|have) (?:appeared|been published)\b",
)


_BOILERPLATE = re.compile(
    r"^(?:[A-Z][\w&.'\u2019-]*)(?: [A-Z&][\w&.'\u2019-]*){0,4},? (?:is|are) (?:a|an|the) (?:[\w-]+ ){0,2}"
    r"(?:leading|global|world'?s? leading|premier|pioneering|award-winning|fast-growing|trusted)\b")


def is_bio(text: str, article: str = "") -> bool:
    """An author's biography or contact line ("Jane Doe is a freelance writer based in Toronto",
    "I am a writer, journalist, professor ...", "Follow her on Twitter"), or a company's own
    description closing a press release ("Ascom is a global solutions provider ..."). A person
    the ``article`` text already names is one of its subjects, not its author."""
    if len(text) > 600:
        return False
    if _BOILERPLATE.match(text):
        return True
    m = _BIO.match(text)
    if not m:
        return False
    name = re.match(r"(?:[A-Z][\w.'\u2019\-]+\s){1,3}", text)
    surname = name.group().split()[-1] if name else ""
    return not (surname and len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", article))


_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CAPTION_SHAPE = re.compile(
    r"^\d{1,3}\s?of\s?\d{1,3}(?=\S)|"  # a gallery counter glued to its caption: "1of4Grass Valley's ..."
    r"^(?:(?i:photo|image|picture|slide)\s+)?\d{1,3}\s?(?:of|/)\s?\d{1,3}(?:\s+[A-Z(\"\u201c]|$)|"  # "1 / 8 A view of ..."
    r"^(?i:image|media|photo|video|picture) (?i:caption|copyright)(?=[A-Z\s:])|"  # "Media captionJulian Assange ..."
    r"\b(?:Credit|Photo|Image|Picture|Source)s?:\s*[A-Z][\w.&'/ -]{1,50}\)?$|"
    r"[a-z]\.\s?(?:Reuters|AP|AFP|EPA|Getty Images|Bloomberg|Shutterstock|iStock|Xinhua|Yonhap)$|"  # "... equivalent. Credit: ESA"
    r"\[\+\]$|"  # a caption's expand button
    r"^[^.!?]{5,100} via @?(?=\w*[A-Z])\w[\w&'-]*(?:\.[\w&'-]+)*(?: [A-Z][\w&'-]*(?:\.[\w&'-]+)*){0,3}$|"  # "... keyboard via iFixit"
    rf", {_DAY},? {_MON} \d{{1,2}}, \d{{4}}\b|"  # "... speaks during a fundraiser, Sunday, Nov. 17, 2019, in Las Vegas."
    rf"(?<!\bon )(?<!\bfor )(?<!\buntil )(?<!\bby )(?<!\bsince )(?<!\bfrom )(?<!\bbefore )(?<!\bafter )(?<!\bto )(?<!\bof )\b{_DAY},? {_MON} \d{{1,2}}, \d{{4}}\.(?:\s|$)|"  # AP style: "... in Hanoi Wednesday, Nov. 20, 2019."
    r"^[^.!?]{0,200}[A-Z][\w'\u2019.-]+, (?:left|right|center|centre|second (?:left|right)|top|bottom|front|rear),|"
    # a photographer's copyright without a year: "\u00a9 John Brecher", "Photo \u00a9 Reuters"
    r"^\(?(?:(?i:photo|image|picture)\s*)?(?:\u00a9|\(c\))\s*[A-Z][\w.'\u2019-]*(?: [A-Z&][\w.'\u2019-]*){0,3}\)?$|"
    # a photographer and agency or paper: "Doug Mills/The New York Times", "(Reed Saxon / Associated Press)"
    r"^\(?[A-Z][\w.'\u2019-]+(?: (?:[A-Z][\w.'\u2019-]+|de|da|van|von|der|den|del|la|le|al|bin)){1,4} ?/ ?"
    r"(?:The )?[A-Z][\w&.'\u2019-]+(?: [A-Z][\w&.'\u2019-]+){0,4}\)?$")


_CAPTION_HINT = re.compile(r"\u00a9|\(c\)| via |^\d|^(?i:photo|image|picture|slide) \d|^(?i:image|media|photo|video|picture) |:|\[\+\]$|day,? [A-Z]|, (?:left|right|center|centre|"
                           r"second|top|bottom|front|rear),|/")


def is_caption_shape(text: str) -> bool:
    """A photo caption by its shape rather than its credit: a gallery counter ("1of4..."), a glued
    caption label ("Media captionJulian Assange ..."), a trailing "Credit: ESA", an AP-style first
    sentence that ends in a weekday and full date, or a position marker (", left, and ...")."""
    return len(text) <= 600 and bool(_CAPTION_HINT.search(text)) and bool(_CAPTION_SHAPE.search(text))


_CUT = re.compile(r"[A-Za-z,;](?:\.\.\.|\u2026)$")


def is_cut_teaser(text: str) -> bool:
    """A teaser cut off mid-sentence by the site ("Houston's economy might not be as hot as it looks
    \u2014 and..."): a short line that ends in an ellipsis right after a word."""
    return len(text) < 160 and bool(_CUT.search(text))


#: A section that closes a press release or a post: "About Ascom", "About the author".
ABOUT_HEAD = re.compile(r"^About (?:the )?(?:[A-Z0-9][\w&.'\u2019-]*)(?: [A-Z0-9&][\w&.'\u2019-]*){0,4}:?$|^About the authors?:?$")
_DEPICT_VERB = re.compile(
    r"\b(?:speaks (?:to|during|at|with|before)|poses|gestures|waves|listens|smiles|reacts|shakes hands|is seen|are seen|"
    r"is pictured|are pictured|pictured|looks on|looks at|arrives (?:at|for)|attends|greets|walks (?:past|through|along|by)|"
    r"stands (?:in|on|next|near|outside|at|with)|sit (?:in|on|at)|sits (?:in|on|at))\b")
_PICTURE_START = re.compile(r"^(?:A|An|The|This) (?:\w+ ){0,2}(?:image|photo|photograph|picture|screenshot|still|illustration)"
                            r" (?:of|shows|showing)\b")


def is_depiction(text: str) -> bool:
    """A photo caption written as a sentence: a named subject and a present-tense verb of what the
    picture shows ("House Intelligence Committee chairman Rep. Adam Schiff speaks during a media
    briefing ...", "A stock image of a woman ..."); trusted at the start of an article only."""
    if len(text) > 400 or _SPEECH.search(text):
        return False
    if _PICTURE_START.match(text):
        return True
    m = _DEPICT_VERB.search(text, 0, 160)
    if not m:
        return False
    head = text[: m.start()].split()
    caps = sum(1 for w in head if w[:1].isupper())
    return 1 <= len(head) <= 16 and head[0][:1].isupper() and caps * 2 >= len(head)


_POST_SIGNATURE = re.compile(
    rf"^[\u2014\u2013-]\s*[^()\n]{{1,80}}\(@\w{{1,15}}\)\s*(?:on\s+)?(?:{_MON} \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MON} \d{{4}})$")


def is_post_signature(text: str) -> bool:
    """The signature closing an embedded social-media post ("\u2014 The Nigerian Senate (@NGRSenate)
    October 9, 2018"): the post is quoted in the article."""
    return len(text) <= 140 and bool(_POST_SIGNATURE.match(text))


_GLUE = re.compile(r"(?<=[a-z0-9?!'\u2019)])(?=[A-Z](?:[a-z]|\s))")


def glued_word(text: str) -> str | None:
    """The word where a page's markup glued a teaser's headline to its summary ("RunDenny" in "Tape
    Gaffe Ends Hamlin's Title RunDenny Hamlin's championship run was foiled ..."), else None: a
    title-case head of three words or more runs without a space into a sentence."""
    if len(text) > 600:
        return None
    for m in _GLUE.finditer(text, 10, 160):
        head, rest = text[: m.start()], text[m.start():]
        words = head.split()
        if len(words) < 3 or " " not in rest:
            continue
        caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        rest_words = rest.split()
        lower = sum(1 for w in rest_words if w[:1].islower())
        # The summary opens like a sentence: after its first word or two, lower-case words.
        opening = sum(1 for w in rest_words[:4] if w[:1].isupper())
        if (caps >= 0.7 * len(words) and len(words) <= 20 and len(rest_words) >= 6 and opening <= 2
                and lower >= 0.4 * len(rest_words)):
            return words[-1] + rest_words[0]
    return None
