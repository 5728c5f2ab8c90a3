"""The quotes stage: quotation marks, direct/partial/indirect statements and their offsets."""
import pytest

from onrecord.model import Document
from onrecord.stages.quotes import extract_quotes
from onrecord.stages.quotes_marks import find_quoted


def run(body: str):
    doc = Document(source="t.txt", doc_id="t", fmt="text", body=body)
    return extract_quotes(doc).quotes


def find(quotes, fragment):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


# -- quotation marks (no parse needed) ---------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ('"We will go," he said.', ["We will go,"]),
    ("\u201cWe will go,\u201d he said. \u201cThen we come back.\u201d", ["We will go,", "Then we come back."]),
    # single quotes nested inside double ones are part of the quotation
    ('"He told me \'never again\' and left," she said.', ["He told me 'never again' and left,"]),
    # a curly opening mark closed by a straight one
    ('Kim said, \u201cThe U.S. is open to diplomacy."', ["The U.S. is open to diplomacy."]),
    # an unbalanced paragraph does not lose the next paragraph's quote
    ('He said "this and that and more.\n\n"Second paragraph quote here," she said.',
     ["this and that and more.", "Second paragraph quote here,"]),
    # a quotation left open at the end of its paragraph runs on into the next one
    ('"We waited for a long time and nothing came.\n\n"Nothing at all," he said.',
     ["We waited for a long time and nothing came.", "Nothing at all,"]),
    # a lost closing mark before the next passage: two quotations
    ('"We have pre-steps we need to see. "We need more indications," the official said.',
     ["We have pre-steps we need to see.", "We need more indications,"]),
    # British style: single marks, apostrophes are not marks
    ("Mr Blair said: 'We won't walk away. That's not the British way.'",
     ["We won't walk away. That's not the British way."]),
    ("The students' union didn't comment.", []),
    # typewriter marks
    ("``We are ready,'' Park said.", ["We are ready,"]),
    ("No quotes in this paragraph at all.", []),
])
def test_quotation_marks(body, expected):
    assert [body[s.start:s.end] for s in find_quoted(body)] == expected


def test_runs_on_flag_marks_multi_paragraph_quotes():
    body = '"First part of a long statement goes here.\n\n"Second part," he said.'
    spans = find_quoted(body)
    assert [s.runs_on for s in spans] == [True, False]


# -- quoted statements ----------------------------------------------------------------------------

@pytest.mark.parametrize("body, fragment, kind, speaker", [
    ('"There is no government involvement here," State Department spokesman John Kirby said on Monday.',
     "no government involvement", "direct", "John Kirby"),
    ('"The partnership is integral to peace," said Cory Gardner, the Colorado Republican who chairs the panel.',
     "partnership is integral", "direct", "Cory Gardner"),
    ("Foreign Minister Kang Kyung-wha said, \u201cWe will not accept any preconditions for the talks.\u201d",
     "any preconditions", "direct", "Kang Kyung-wha"),
    ('Prime Minister Fumio Kishida said on Friday regarding the missile launches, "This is a clear violation '
     'of resolutions."', "clear violation", "direct", "Fumio Kishida"),
    ('"The economy," Federal Reserve Chair Jerome Powell said, "is in a strong position and we intend to keep '
     'it there."', "strong position", "direct", "Jerome Powell"),
    ('Assistant Secretary Kurt Campbell described the talks as "preliminary and not a move toward restarting '
     'negotiations."', "preliminary and not", "partial", "Kurt Campbell"),
    ("Russia dismissed the claim. Its envoy said it was \u201ca provocation staged to justify sanctions\u201d "
     "and walked out.", "a provocation staged", "partial", None),
    ('"It\'s all talk,\' said one backbencher.', None, None, None),
])
def test_direct_and_partial_quotes(body, fragment, kind, speaker):
    quotes = [q for q in run(body) if q.kind != "indirect"]
    if fragment is None:
        assert all(q.text == body[q.start:q.end] for q in quotes)
        return
    q = find(quotes, fragment)
    assert q.kind == kind
    if speaker is not None:
        assert q.speaker == speaker
    assert body[q.start:q.end] == q.text
    assert q.sentence_start <= q.start and q.end <= q.sentence_end


@pytest.mark.parametrize("body, speakers", [
    # a quotation split by its cue is two quotations with one speaker
    ('"We made progress in Hanoi," Mike Pompeo said. "We will re-engage with him."',
     {"We made progress": "Mike Pompeo", "re-engage": "Mike Pompeo"}),
    # a paragraph with no cue continues the last speaker
    ('"It has to follow the verified denuclearization," Mike Pompeo said in an interview.\n\n'
     '"And getting that sequencing right matters to the whole world."',
     {"verified denuclearization": "Mike Pompeo", "sequencing right": "Mike Pompeo"}),
    # a multi-paragraph quotation whose cue comes in its second paragraph
    ('The minister addressed parliament on Tuesday.\n\n"We have waited long enough and offered talks and aid.\n\n'
     '"Nothing has come back," Foreign Minister Kang Kyung-wha said.',
     {"waited long enough": "Kang Kyung-wha", "Nothing has come back": "Kang Kyung-wha"}),
    # a paragraph ending with a colon announces the speaker of the next one
    ("Warren, a Massachusetts Democrat, put it bluntly:\n\n"
     '"This deal would crush competition and raise prices for families."',
     {"crush competition": "Warren"}),
])
def test_continuation(body, speakers):
    quotes = run(body)
    for fragment, speaker in speakers.items():
        assert find(quotes, fragment).speaker == speaker


@pytest.mark.parametrize("body", [
    'Both sides downplayed the talks as "Track 2" discussions.',
    'The administration floated the idea of a "small deal" to break the deadlock.',
    'He is the author of "The Impossible State: North Korea, Past and Future" and other books.',
])
def test_terms_and_titles_are_not_statements(body):
    assert [q for q in run(body) if len(q.text.split()) >= 4] == []


# -- indirect speech ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, text, speaker, cue", [
    ("State Department spokesman John Kirby spoke on Monday. He said the US is open to talks with the North.",
     "the US is open to talks with the North", "John Kirby", "said"),
    ("Secretary of State Mike Pompeo told U.S. lawmakers that the sanctions on North Korea should remain in place.",
     "the sanctions on North Korea should remain in place", "Mike Pompeo", "told"),
    ("SEOUL (Reuters) - North Korea fired two missiles into the sea on Thursday, South Korea's military said.",
     "North Korea fired two missiles into the sea on Thursday", "South Korea's military", "said"),
    ("According to a report by the Washington Post, the working-level talks have stalled since March.",
     "the working-level talks have stalled since March", "Washington Post", "according to"),
    ("The Congressional Research Service said in a report that North Korea is suspected of working with Iran.",
     "North Korea is suspected of working with Iran", "Congressional Research Service", "said"),
    ("Experts based in Seoul and Washington, however, pointed out that Seoul's approach lacked understanding.",
     "Seoul's approach lacked understanding", "Experts based in Seoul and Washington", "pointed"),
    ("Kirby said the US is open to talks, but said Pyongyang should prove it is serious about denuclearization.",
     "the US is open to talks, but said Pyongyang should prove it is serious about denuclearization", "Kirby", "said"),
    ("Lawmakers expressed concern over the plan, saying it could cause a rift in the alliance.",
     "it could cause a rift in the alliance", "Lawmakers", "saying"),
    # the clause hangs from a noun of the prepositional phrase; two short quoted phrases stay inside
    ("The spokesman said in a statement carried by KCNA that the drills were \"a rehearsal for invasion\" and "
     "warned of \"unimaginable consequences.\"",
     "the drills were \"a rehearsal for invasion\" and warned of \"unimaginable consequences.\"",
     "the spokesman", "said"),
    ("WASHINGTON (AP) \u2014 The White House on Tuesday rejected calls for a ceasefire, saying the conditions "
     "were not yet right.", "the conditions were not yet right", "White House", "saying"),
])
def test_indirect_speech(body, text, speaker, cue):
    quotes = [q for q in run(body) if q.kind == "indirect"]
    assert [q.text for q in quotes] == [text]
    assert quotes[0].speaker == speaker
    assert quotes[0].cue == cue
    assert body[quotes[0].start:quotes[0].end] == text


@pytest.mark.parametrize("body", [
    "He did not say whether the talks would resume.",
    "The official brushed aside the phased approach.",
    "Kim's visit will come a week after the envoys met.",
    "There stands a chance that the North might resume its nuclear armament.",
    "We say Apple has dutifully listened to its users this time around.",
])
def test_not_indirect_speech(body):
    assert [q for q in run(body) if q.kind == "indirect"] == []


def test_mostly_quoted_clause_gives_the_indirect_clause_and_the_partial():
    body = ('A senior U.S. official said the visit should not be read as suggesting "that we are on the fast '
            'track to resumption of six party talks."')
    quotes = run(body)
    assert [q.kind for q in quotes] == ["indirect", "partial"]
    assert quotes[0].text.startswith("the visit should not")
    assert {q.speaker for q in quotes} == {"a senior U.S. official"}


@pytest.mark.parametrize("body, text, speaker", [
    # the writer gives the subject, the quotation the rest of the clause
    ('The Spanish foreign ministry said it "deeply regrets any step likely to harm the talks".',
     'it "deeply regrets any step likely to harm the talks"', "Spanish foreign ministry"),
    ("A spokeswoman for the Dutch Foreign Ministry said the camps \u201care illegal under international law and "
     "an obstacle to peace.\u201d",
     "the camps \u201care illegal under international law and an obstacle to peace.\u201d",
     "a spokeswoman for the Dutch Foreign Ministry"),
])
def test_clause_made_mostly_of_a_quotation(body, text, speaker):
    quotes = run(body)
    ind = [q for q in quotes if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in ind] == [(text, speaker)]
    assert [q.kind for q in quotes if q.kind != "indirect"] == ["partial"]


def test_a_quotation_with_no_words_of_the_writer_is_no_indirect_clause():
    body = 'The mayor said "we will rebuild every house that the river took from us."'
    assert [q.kind for q in run(body)] == ["partial"]


@pytest.mark.parametrize("body, expected", [
    # a reporting verb whose object is a statement noun with its content clause
    ("The Dutch envoy reiterated the government's position that the camps were illegal under international law.",
     [("the camps were illegal under international law", "The Dutch envoy")]),
    # a source note at the end of the sentence
    ("More than 300 people have died in the floods so far this year, according to the Red Cross.",
     [("More than 300 people have died in the floods so far this year", "Red Cross")]),
    ("The prisoners were moved to a base near the capital, according to a local police source. Their "
     "families were not told.",
     [("The prisoners were moved to a base near the capital", "a local police source")]),
    # ... but not when the clause reports someone's words itself
    ("The agency said in a report that the talks had stalled, according to Radio Free Asia.",
     [("the talks had stalled", "agency")]),
    ("The prisoners were released in Doha, where the group maintains an office, according to a Taliban "
     "spokesman.", [("The prisoners were released in Doha, where the group maintains an office",
                     "a Taliban spokesman")]),
    ("Kim addressed the plenary and clarified the party's stand on the talks, according to the state news "
     "agency.", []),
    ("Three sailors died in the fire, the US military said.\n\nIt did not name them and said it was "
     "informing their families first.", [("Three sailors died in the fire", "US military"),
                                         ("it was informing their families first", "US military")]),
    # "it" for a document that reports is no speaker
    ("The report said a proposal had brought no reply. It said the envoy was briefed by officials.",
     [("a proposal had brought no reply", "report")]),
    # two reporting verbs, each with its own clause, joined by "and" or "saying"
    ("The Greek foreign ministry said it regarded the move as illegal and said it would raise tensions in the "
     "region.", [("it regarded the move as illegal", "Greek foreign ministry"),
                 ("it would raise tensions in the region", "Greek foreign ministry")]),
    ("Mendez said that the board had approved the sale, saying he trusted the auditors to check it.",
     [("the board had approved the sale", "Mendez"), ("he trusted the auditors to check it", "Mendez")]),
    # "it" for the organisation that just spoke
    ("Two soldiers died in the crash, the army said.\n\nIt did not give the location and said it was "
     "withholding the names of the dead until their families were told.",
     [("Two soldiers died in the crash", "army"),
      ("it was withholding the names of the dead until their families were told", "army")]),
    # a statement whose subject is a "whether" clause
    ("Osei, who advises the government, said whether the president will agree to cut tariffs depends largely "
     "on the polls.", [("whether the president will agree to cut tariffs depends largely on the polls", "Osei")]),
    # words between the verb and its "that"
    ("Both women claimed at the time that they were being treated well by the guards.",
     [("they were being treated well by the guards", "Both women")]),
    # the cue in parentheses inside the clause
    ("Judge Amy Roe spoke on Monday.\n\nMany of the courts, she said, are aging and need to be repaired. The "
     "failure of old systems prompted an effort to replace them.",
     [("Many of the courts, she said, are aging and need to be repaired", "Amy Roe")]),
    # a sub-heading without final punctuation is not part of the next sentence
    ("Courts plagued by delays\n\nUnion leaders have long warned that staff shortages and overtime shifts have "
     "taken their toll on clerks.",
     [("staff shortages and overtime shifts have taken their toll on clerks", "Union leaders")]),
])
def test_indirect_recall(body, expected):
    quotes = [q for q in run(body) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in quotes] == expected
    for q in quotes:
        assert body[q.start:q.end] == q.text


def test_writer_words_glued_to_a_short_quote_are_not_indirect():
    body = ("Yet Marsh has already changed his story once \u2014 \u201cI now do remember,\u201d he said, speaking to "
            "police about the money.")
    quotes = run(body)
    assert [q.kind for q in quotes] == ["direct"]


def test_partial_inside_indirect_gives_both():
    body = ('Kim Jong-un told party members that there was a need to advance "under the uplifted banner of '
            'self-reliance," so as to deal a blow to hostile forces.')
    kinds = sorted(q.kind for q in run(body))
    assert kinds == ["indirect", "partial"]


def test_short_sentence_quote_after_a_cued_one_is_kept():
    body = '"I don\'t know," she said when asked whether she would run again. "We\'ll see."'
    assert [q.text for q in run(body)] == ["I don't know,", "We'll see."]
    assert all(q.kind == "direct" for q in run(body))


def test_empty_body_and_bare_document():
    assert run("") == []
    assert run("Nothing is said here. The weather was fine.") == []


@pytest.mark.parametrize("body, text", [
    # the writer's own clause after the statement is not part of it
    ("The minister said the ruling would not change the facts on the ground, while the opposition condemned the "
     "move announced on Monday.", "the ruling would not change the facts on the ground"),
    ("Kemp said it was his duty to report the payments, as he fended off attacks from party leaders on his "
     "loyalty.", "it was his duty to report the payments"),
    ("The mayor said he had read part of the report and slammed the council's handling of the flood as a "
     "disgrace.", "he had read part of the report"),
    ("Union leaders have long warned that staff shortages have taken their toll on clerks and compromised "
     "safety at the court.", "staff shortages have taken their toll on clerks and compromised safety at the "
     "court"),
    ("Rossi said he and two aides formed an informal channel, for which they were known as the Three "
     "Musketeers.", "he and two aides formed an informal channel"),
    ("Lindgren said he hoped the talks would open the way for direct contacts with the rebels, who have long "
     "refused to negotiate.", "he hoped the talks would open the way for direct contacts with the rebels"),
    ("The governor says her plan has created jobs \u2014 and in some cases, she is right.",
     "her plan has created jobs"),

    # ... but the statement runs to its own end
    ("Police said no patrols were made from 11:30 p.m. Aug. 3 to 5:30 a.m. the next day, when the guards found "
     "the body.", "no patrols were made from 11:30 p.m. Aug. 3 to 5:30 a.m. the next day, when the guards found "
     "the body"),
    ("She said she wasn't worried about the cost of the plan, but she did fear there would be delays if more "
     "firms joined.", "she wasn't worried about the cost of the plan, but she did fear there would be delays if "
     "more firms joined"),
    ("In an interview, she said she pushed her staff to double the budget, then cut it a little and asked for "
     "$5 million a year.", "she pushed her staff to double the budget, then cut it a little and asked for "
     "$5 million a year"),
    ("Two sailors died in the fire, the navy said. It did not reveal the ship's location and said it was "
     "withholding the names of the sailors until next of kin could be told.", "it was withholding the names of the sailors until next of kin could be told"),
    ("Grant said Vela was still a risk to others because of the nature of his crimes, the anger he showed after "
     "his arrest and his prior attacks.", "Vela was still a risk to others because of the nature of his crimes, "
     "the anger he showed after his arrest and his prior attacks"),
    ("Prosecutors alleged that Ann Roe and Bo Lin, assigned to the night shift at the depot, \"played cards,\" "
     "lingered in an office and appeared to sleep for two hours.", "Ann Roe and Bo Lin, assigned to the night "
     "shift at the depot, \"played cards,\" lingered in an office and appeared to sleep for two hours"),
])
def test_statement_extent(body, text):
    assert [q.text for q in run(body) if q.kind == "indirect"][-1:] == [text]


def test_statement_stops_before_the_sentence_cue_the_parser_took_into_it():
    # A parse as the tagger gave it for a real sentence: the closing cue hangs inside the clause.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from onrecord.stages.quotes_extent import statement_end
    words = ["The", "clerk", "recalled", "that", "he", "said", ",", '"', "I", "will", "find", "you", ",", '"',
             "the", "office", "said", "."]
    spaces = [True, True, True, True, True, False, True, False, True, True, True, False, False, True, True, True,
              False, False]
    heads = [1, 2, 2, 5, 5, 2, 5, 10, 10, 10, 5, 10, 10, 10, 15, 16, 5, 2]
    deps = ["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "punct", "nsubj", "aux", "ccomp", "dobj",
            "punct", "punct", "det", "nsubj", "conj", "punct"]
    pos = ["DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PRON", "PUNCT",
           "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    tags = ["DT", "NN", "VBD", "IN", "PRP", "VBD", ",", "``", "PRP", "MD", "VB", "PRP", ",", "''", "DT", "NN",
            "VBD", "."]
    lemmas = ["the", "clerk", "recall", "that", "he", "say", ",", '"', "I", "will", "find", "you", ",", '"', "the",
              "office", "say", "."]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    end = statement_end(doc[5], doc[2], 4, 16)
    assert doc[4:end + 1].text == 'he said, "I will find you,"'
