"""Speaker resolution: canonical names, shared surnames, pronouns, descriptions, roles."""
import pytest

from onrecord.model import Document
from onrecord.stages.quotes import extract_quotes
from onrecord.stages.quotes_lex import clean_name


def run(body: str):
    doc = Document(source="t.txt", doc_id="t", fmt="text", body=body)
    return extract_quotes(doc).quotes


def speaker_of(quotes, fragment):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0].speaker


FOUR_KIMS = "\n\n".join([
    "North Korean leader Kim Jong-un inspected a new missile factory on Monday, state media reported.",
    "In Washington, Sung Kim, the U.S. special representative for North Korea, said the United States "
    "remained ready to meet without preconditions.",
    '"Our offer stands and it will not expire," Kim said. "We hope Pyongyang will respond positively."',
    "Kim Kae-gwan, a veteran North Korean diplomat, dismissed the offer in a statement carried by KCNA. "
    "Kim said Washington's hostile policy had not changed at all.",
    "David Kim, a researcher at the Stimson Center, said both sides were talking past each other.",
    '"Neither side wants to be seen blinking first," Kim told The Korea Times.',
])


@pytest.mark.parametrize("fragment, speaker", [
    ("state media", None),
    ("remained ready to meet", "Sung Kim"),
    ("Our offer stands", "Sung Kim"),
    ("respond positively", "Sung Kim"),
    ("hostile policy", "Kim Kae-gwan"),
    ("talking past each other", "David Kim"),
    ("blinking first", "David Kim"),
])
def test_four_kims(fragment, speaker):
    quotes = run(FOUR_KIMS)
    if speaker is None:
        return
    assert speaker_of(quotes, fragment) == speaker


@pytest.mark.parametrize("body, fragment, speaker", [
    # the fullest name the article gives, not the surname at the cue
    ('State Department spokesman John Kirby spoke on Monday.\n\n"This is done by private citizens," Kirby said.',
     "private citizens", "John Kirby"),
    # a name the tagger misses ("Campbell" as an organisation) still resolves to the full name
    ('Assistant Secretary of State Kurt Campbell arrived on Monday.\n\n"We are going to lay out our '
     'expectations very clearly," Campbell said in Hong Kong.', "expectations", "Kurt Campbell"),
    # honorific plus surname
    ("The Prime Minister, Tony Blair, spoke in the Commons. Mr Blair said: \"We will not walk away from "
     "our responsibilities.\"", "walk away", "Tony Blair"),
    # pronouns across paragraphs
    ("Senator Elizabeth Warren criticized the merger on Thursday.\n\n\"This deal would crush competition and "
     "raise prices,\" she said in a statement.", "crush competition", "Elizabeth Warren"),
    ("Pompeo also remained optimistic on the resumption of dialogue.\n\n\"We still haven't made the progress "
     "we need to make,\" he said.", "progress", "Pompeo"),
    # an unnamed source keeps the article's description; "the official" refers back to it
    ("A senior U.S. official said the visit was routine.\n\n\"We need to see many more indications from the "
     "North,\" the official said.", "many more indications", "a senior U.S. official"),
    # a new indefinite description is a new speaker; "he" then refers to it
    ("A senior U.S. official said the talks were useful. Clinton met Dai Bingguo later. A U.S. official said "
     "they spoke for four hours.\n\n\"We are getting close to the last chance,\" he said.",
     "last chance", "a U.S. official"),
    # a description with no earlier noun to match refers to the person the story is about
    ("Secretary of State Mike Pompeo said Monday that talks would go on. The ranking U.S. diplomat also said "
     "that the promise of a brighter future was real.", "brighter future", "Mike Pompeo"),
    # an office named in full, past the part the tagger marked
    ("The United Nations High Commissioner for Refugees said the camps were badly overcrowded.",
     "badly overcrowded", "United Nations High Commissioner for Refugees"),
    # a description that picks out someone new with a relative clause is not the story's person
    ("Rep. Ann Cole received the threat in March.\n\nThe staff member who took the call recalled that the "
     "caller was angry.", "caller was angry", "The staff member who took the call"),
    # groups and institutions speak too
    ("Experts based in Seoul and Washington, however, pointed out that the approach lacked understanding.",
     "lacked understanding", "Experts based in Seoul and Washington"),
    ("Unification Ministry spokesperson Koo Byoung-sam spoke on Monday. The ministry said it would continue "
     "efforts to restore communication lines.", "communication lines", "Unification Ministry"),
    ("The Congress Research Service, a Washington-based think tank, said in a report that North Korea is "
     "suspected of partnering with Iran.", "partnering with Iran", "Congress Research Service"),
    # the plural pronoun follows a plural speaker
    ("Executives from both firms told investors that the deal would close by the end of the year.\n\n"
     "\"We are confident it will close on time,\" they said.", "confident", "Executives from both firms"),
    # the owner of a statement noun
    ("Seoul rejected North Korea and Russia\u2019s claim that \u201cTo resume the talks, it must be without "
     "preconditions.\u201d", "resume the talks", "North Korea and Russia"),
    ("'It's all talk and nothing more,' said one backbencher.", "all talk", "one backbencher"),
])
def test_speaker_resolution(body, fragment, speaker):
    assert speaker_of(run(body), fragment) == speaker


@pytest.mark.parametrize("body, fragment, mention, role, affiliation", [
    ('"There is no involvement here," State Department spokesman John Kirby said.', "no involvement",
     "State Department spokesman John Kirby", "State Department spokesman", "State Department"),
    ("David Kim, a research analyst with the Stimson Center, said there was a gap in understanding.",
     "gap in understanding", "David Kim", "research analyst with the Stimson Center", "Stimson Center"),
    ('"We remain open to dialogue with them," he said. ', None, None, None, None),
])
def test_mention_role_affiliation(body, fragment, mention, role, affiliation):
    quotes = run(body)
    if fragment is None:
        assert all(q.speaker != "he" for q in quotes)
        return
    q = [q for q in quotes if fragment in q.text][0]
    assert q.speaker_mention == mention
    assert q.speaker_role == role
    assert q.speaker_affiliation == affiliation


@pytest.mark.parametrize("text, name", [
    ("Special Envoy Kim", "Kim"),
    ("Mr. Blair's", "Blair"),
    ("Councilor Dai Bingguo", "Dai Bingguo"),
    ("Kim Jong-un", "Kim Jong-un"),
    ("President", ""),
    ("Diplomats Ana Silva", "Ana Silva"),
    ("Lawyer Bo Lund", "Bo Lund"),
])
def test_clean_name(text, name):
    assert clean_name(text) == name


# -- salience, appositions, paired names and cue placement ------------------------------------------

@pytest.mark.parametrize("body, fragment, speaker", [
    # a pronoun prefers the paragraph's subject and last speaker over names merely mentioned
    ("Defence lawyer Mark Whitfield declined to say whether Peter Marsh slept at his post on the night "
     "Alan Grove died. \"When the facts come out, you will understand,\" he said.", "facts come out",
     "Mark Whitfield"),
    ("President Ruth Olsen met the envoy last week.\n\nAmbassador Jon Reese told the panel he tried to work "
     "with Olsen's adviser, Paul Pike, to convince him, and therefore the president, that the new Chilean "
     "president was honest. However, he said the meeting made him realize that the adviser had lied.",
     "adviser had lied", "Jon Reese"),
    # the owner of a paragraph's subject is its antecedent before a speaker of the paragraph before
    ("President Erik Olsen raised tariffs again on Monday.\n\n\"Growth is slowing everywhere,\" Carl Weber, the "
     "president of the regional bank, said last week.\n\nMr. Olsen\u2019s dramatic style is not limited to trade. "
     "He has made similar threats to other partners, including Chile and Peru.\n\nThe president says his "
     "approach has created leverage with everyone.", "leverage", "Erik Olsen"),
    # a name the tagger takes for an organisation is a person when "who" follows it
    # (and the parser may hang its verb on the previous paragraph's subject)
    ("Defence lawyers said they would fight the charges. \"We hope to reach a fair deal,\" said Ron Baird, who "
     "represents Kay.\n\nTrevell Gaines, who represents Lee Carter, said his client rejected the offer. He said "
     "Carter is a teacher and a father of two young children.", "teacher and a father", "Trevell Gaines"),
    ("Defence lawyers said they would fight the charges. \"We hope to reach a fair deal,\" said Ron Baird, who "
     "represents Kay.\n\nTrevell Gaines, who represents Lee Carter, said his client rejected the offer.",
     "client rejected", "Trevell Gaines"),
    # a possessive, a role noun and an apposed name: the named person
    ("Miller was charged last week. Miller's lawyer, Anna Ruiz, said in an email that Miller never meant "
     "to hurt anyone.", "never meant to hurt", "Anna Ruiz"),
    # without the name, the description itself
    ("Tom Hale testified on Friday. Counsel Ray Dorn asked Hale about his notes, but Hale's lawyer said the "
     "question was outside the scope of the hearing.", "outside the scope", "Hale's lawyer"),
    # a description with an apposed name is that name
    ("Another diplomat, former special envoy to Kenya Lena Fox, shifted her own account of the May 3 meeting "
     "to say the plan had failed from the start.", "plan had failed", "Lena Fox"),
    ("Paul Lund testified last month.\n\nAnother diplomat, former special envoy to Georgia Paul Lund, shifted his "
     "own account of the May 3 meeting to say the minister did discuss the deal.", "minister did discuss",
     "Paul Lund"),
    ("Georgia asked the allies for help in May.\n\nAnother diplomat, former special envoy to Georgia Paul Lund, "
     "shifted his own account of the May 3 meeting to say the minister did discuss the deal.",
     "minister did discuss", "Paul Lund"),
    ("The talks collapsed because of the delays, said another witness, former trade envoy Carl Mendez.",
     "talks collapsed", "Carl Mendez"),
    # "Ms" and a surname refer to the full name given once with a long title
    ("Deputy Director of Public Prosecution Britt-Marie Lindqvist took the decision to \"end the inquiry into "
     "the case\", the authority said.\n\nMs Lindqvist said: \"The evidence has weakened over the years and we "
     "cannot go on.\"", "evidence has weakened", "Britt-Marie Lindqvist"),
    ("Deputy Director of Public Prosecution Lise-Lotte Holm took the decision to \"end the inquiry\", the "
     "authority said.\n\nMs Holm said: \"The evidence has weakened over the years and we cannot go on.\"",
     "evidence has weakened", "Lise-Lotte Holm"),
    # surnames in a pair refer to the full names given earlier
    ("Diplomats Ana Silva and Tom Greer testified on Tuesday.\n\nSilva and Greer said that the call was not "
     "in line with the country's interests.", "not in line", "Ana Silva and Tom Greer"),
    ("Diplomats Ana Silva and Tom Greer testified on Tuesday.\n\nHowever, both Silva and Greer told lawmakers "
     "that the request was inappropriate.", "request was inappropriate", "Ana Silva and Tom Greer"),
    # a definite description with its own proper modifier is not the last one with the same noun
    ("Spain's foreign ministry said it viewed the move as a mistake.\n\nThe Italian foreign ministry said it "
     "\"regrets any step likely to harm the talks\".", "regrets any step", "Italian foreign ministry"),
    # a document that "said" speaks for the one who issued it
    ("Two soldiers were killed in a crash, the army said in a statement on Monday.\n\n"
     "\"The cause of the crash is under investigation,\" the statement said.", "cause of the crash", "army"),
])
def test_salience_and_names(body, fragment, speaker):
    assert speaker_of(run(body), fragment) == speaker


@pytest.mark.parametrize("body, fragment, speaker", [
    # the cue after the quotation, past the writer's words that continue it
    ("\"We could sell more,\" two people briefed on the plan said.\n\n"
     "\"The firm wants a bigger market. Bigger than just the small deal\" agreed in May, said Rita Osei, an "
     "analyst at the Trade Institute.", "bigger market", "Rita Osei"),
    # "He" followed by a capitalised name is a surname, not a pronoun
    ("Analysts in Hong Kong said investors were nervous.\n\n\"Without more clarity, why would investors come "
     "back?\" He Wenbo, a former adviser to the central bank, said at a conference.", "more clarity",
     "He Wenbo"),
    # a question with "asked" is the asker's
    ("Senator Gary Hart questioned the witness, Tom Reed, for two hours.\n\n"
     "\"So you never read the report?\" Hart asked.", "never read the report", "Gary Hart"),
    # words quoted inside a report belong to the person quoted, not to whoever reports them
    ("Jack Dunne, 40, admitted making the call, the district attorney's office said.\n\n"
     "During the call, he asked about the payments and said, \"somebody ought to pay for this with his life,\" "
     "the district attorney's office said.", "ought to pay", "Jack Dunne"),
])
def test_cue_placement(body, fragment, speaker):
    assert speaker_of(run(body), fragment) == speaker


def test_inverted_cue_after_fronted_statement_and_cueless_quote_before_it():
    body = ("Political counselor Dan Holmes testified on Friday.\n\n\u201cI then heard the president ask, quote, "
            "\u2018So he is going to do it?\u2019\u201d Holmes testified. \u201cThe ambassador replied that \u2018He is "
            "going to do it,\u2019 adding that the leader will do anything you ask.\u201d\n\nThe ambassador was known "
            "for telling others \"he was in charge of the file\" despite being the envoy in Rome, said another "
            "witness in the inquiry, former adviser Ann Cole.")
    quotes = run(body)
    assert speaker_of(quotes, "ambassador replied") == "Dan Holmes"
    assert [(q.kind, q.speaker) for q in quotes if "was known for" in q.text] == [("indirect", "Ann Cole")]
    assert speaker_of(quotes, "in charge of the file") == "Ann Cole"


def test_sentence_opening_subject_is_salient_when_the_parser_picks_another_root():
    body = ("Tom Hale testified on Friday. Counsel Ray Dorn asked Hale about his notes, but Hale's lawyer said the "
            "question was outside the scope of the hearing.\n\nHale did mention his earlier interview, in which he "
            "said others had raised doubts about Brandt leaking data, a charge Brandt denied earlier in the day.")
    assert speaker_of(run(body), "raised doubts") == "Tom Hale"


def test_trailing_aside_is_not_the_cue():
    body = ("Reed did mention his earlier interview, in which he said others had raised doubts about Brandt "
            "leaking data, a charge Brandt denied earlier in the day.")
    quotes = [q for q in run(body) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("others had raised doubts about Brandt leaking data", "Reed")]


@pytest.mark.parametrize("body, fragment, cue", [
    # a participle inside the speaker's phrase is not the cue
    ('"We could sell more," two people briefed on the plan said.', "sell more", "said"),
    ('"The firm wants a bigger market. Bigger than just the small deal" agreed in May, said Rita Osei.',
     "bigger market", "said"),
])
def test_cue_word(body, fragment, cue):
    assert [q.cue for q in run(body) if fragment in q.text] == [cue]


@pytest.mark.parametrize("body, fragment, speaker", [
    # the quoted words are never their own speaker
    ("Two neighbours also criticised the plan, with Foreign Minister Ayman Haddad warning of \"grave "
     "consequences for the whole region\".", "grave consequences", "Ayman Haddad"),
    # a statement noun that is the object of a reporting verb is the verb subject's statement
    ("A spokesman for the Dutch Foreign Ministry reiterated the government's position that the camps \"are "
     "illegal under international law and an obstacle to peace\".", "are illegal", "a spokesman for the Dutch "
     "Foreign Ministry"),
    # a second reporting verb after the quotation shares the first one's subject
    ("Spain's foreign ministry said it viewed the move as \"another step undermining\" the basis for a peace "
     "deal and said it would raise tensions.", "another step undermining", "Spain's foreign ministry"),
])
def test_partial_quote_speakers(body, fragment, speaker):
    hits = [q for q in run(body) if q.kind == "partial" and fragment in q.text]
    assert [q.speaker for q in hits] == [speaker]
