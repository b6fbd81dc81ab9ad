"""What a question asks, as opposed to who asks it and why."""

import pytest

from assistant.query import Concept, context_positions, question_start
from core.text import words


def context_words(text: str) -> list[str]:
    tokens = words(text)
    return [tokens[i] for i in sorted(context_positions(text))]


def test_sentences_before_the_question_are_context():
    assert context_words("Jag är ny i nämnden. Vem beslutar om vänorter?") == [
        "jag",
        "är",
        "ny",
        "i",
        "nämnden",
    ]


def test_the_askers_new_mandate_is_context_within_the_question_too():
    found = context_words("Is there any training I could attend as a newly elected member?")
    assert "newly" in found and "elected" in found
    assert "training" not in found


def test_a_plain_question_has_no_context():
    assert context_words("Vem beslutar om vänortssamarbeten i Ekeby?") == []
    assert context_words("vem beslutar om vänorter") == []


def test_a_sentence_after_the_question_is_not_context():
    # only what leads up to the question frames it
    assert context_words("Vem beslutar om vänorter? Jag är ny.") == []


def test_a_context_concept_counts_less_than_the_same_concept_asked():
    asked = Concept("resa", frozenset({("res",)}))
    framing = Concept("resa", frozenset({("res",)}), context=True)
    assert framing.factor < asked.factor == 1.0


def test_the_words_people_put_around_an_organisations_name_are_the_name():
    from assistant.query import OrganisationMatcher

    matcher = OrganisationMatcher({"Ekeby läns landsting": ["Ekeby", "Ekebys"]})
    tokens = words("Erbjuder Region Ekeby utbildning?")
    found, used = matcher.find("Erbjuder Region Ekeby utbildning?")
    assert found == ["Ekeby läns landsting"]
    assert [tokens[i] for i in sorted(used)] == ["region", "ekeby"]
    _, used = matcher.find("Vad gäller i Ekebys kommun för resor?")
    assert sorted(used) == [3, 4]
    # a region the question asks about, not beside the name, stays a word of the question
    _, used = matcher.find("Vilken region har flest vänorter, Ekeby?")
    assert 1 not in used


def test_a_glossary_phrase_is_also_found_in_the_words_of_its_parts():
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary, GlossaryEntry
    from core.text import Lexicon, stem

    glossary = Glossary(
        [
            GlossaryEntry(("school exchange",), ("skolutbyte",)),
            GlossaryEntry(("school", "schools"), ("skola", "skolor")),
            GlossaryEntry(("exchange",), ("utbyte",)),
            GlossaryEntry(("youth council",), ("ungdomsråd",)),
        ]
    )
    analyzer = QuestionAnalyzer(glossary, Lexicon([]), OrganisationMatcher({}))
    concepts = analyzer.analyze("Who pays for a school exchange?").concepts
    (concept,) = [c for c in concepts if c.label == "school exchange"]
    assert (stem("skolutbyte"),) in concept.alternatives
    assert (stem("skola"), stem("utbyte")) in concept.alternatives
    # a phrase whose parts the glossary does not know keeps its own rendering only
    concepts = analyzer.analyze("Who leads the youth council?").concepts
    (concept,) = [c for c in concepts if c.label == "youth council"]
    assert concept.alternatives == {(stem("ungdomsråd"),)}


def test_a_glossary_term_that_is_a_verb_and_its_particle_is_not_searched_as_the_verb():
    from assistant.query import rendering
    from core.text import stem, stopwords

    stop = stopwords("sv")
    assert rendering("säga upp", stop) == ()  # "säger" alone would match anything said
    assert rendering("bli medlem", stop) == (stem("medlem"),)
    assert rendering("internationellt arbete", stop) == (stem("internationellt"), stem("arbete"))
    assert rendering("vänort", stop) == (stem("vänort"),)


@pytest.mark.parametrize(
    ("text", "about_before"),
    [
        ("Vår klubb planerar en turné i vänorten. Vem kan hjälpa oss?", True),
        ("I'm the new youth council secretary. What's expected of me?", True),
        # a question with content of its own is about that; what came before is context
        ("I'm going to Brussels next month. What mandate and reporting is expected of me?", False),
        ("I work in Ekeby. Who approves my trip?", False),
        # a pronoun after a preposition points back, wherever it stands
        ("A host gave me a vase. What do I do with it as a new member?", True),
        ("Vi fick en gåva av värdarna. Vad ska vi göra med den enligt policyn?", True),
        ("I got a gift. Is it allowed to keep gifts?", False),  # "it" with no preposition
        ("Our school exchange has grown. Who should take it over?", True),  # pronoun, particle
        # a yes/no question whose subject points back
        ("We need 50 000 kronor of co-funding. Does that have to go to the board?", True),
        ("Vi behöver medfinansiering. Måste detta beslutas av nämnden?", True),
        ("I am new here. Does the board decide on trips?", False),
        # "den", "dessa" before a noun are determiners, not pointers
        ("Jag är ny. Vem ansvarar för den internationella strategin?", False),
        ("Jag är ny. Vem beslutar om dessa resor?", False),
    ],
)
def test_a_question_about_the_asker_is_about_what_they_said_before(text, about_before):
    before = len(words(text[: question_start(text)]))
    assert (not context_positions(text) & set(range(before))) is about_before


def _analyzer(*entries: tuple[tuple[str, ...], tuple[str, ...]]):
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary, GlossaryEntry
    from core.text import Lexicon

    glossary = Glossary([GlossaryEntry(en, sv) for en, sv in entries])
    return QuestionAnalyzer(glossary, Lexicon([]), OrganisationMatcher({}))


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # the question asks about the asker, whose post is in the sentence before
        ("I just became head of department. Am I responsible for anything abroad?", True),
        ("Jag är ny förvaltningschef. Har jag något ansvar för utlandskontakter?", True),
        ("We are a new unit manager team. Are we expected to report?", True),
        # the question asks about someone else: the asker's post is only who asks
        ("I just became head of department. Who decides on twinning?", False),
        ("Jag är ny förvaltningschef. Vem beslutar om vänorter?", False),
        # the Swedish preposition "i" is not the asker, nor is "we" in a who-question
        ("Jag är ny förvaltningschef. Vem beslutar om vänorter i kommunen?", False),
        ("I just became head of department. Who decides what we do abroad?", False),
    ],
)
def test_the_askers_post_counts_when_the_question_is_about_the_asker(text, counts):
    analyzer = _analyzer(
        (("head of department", "unit manager"), ("förvaltningschef", "enhetschef")),
    )
    concepts = analyzer.analyze(text).concepts
    post = [
        c for c in concepts if c.label in {"head of department", "förvaltningschef", "unit manager"}
    ]
    assert post
    assert all(c.context is not counts for c in post)


def test_an_english_word_is_not_read_as_the_swedish_word_it_stems_like():
    # "side" stems like Swedish "sida"; "vänort" typed in an English question is Swedish
    analyzer = _analyzer(
        (("aid agency",), ("sida",)),
        (("twin town",), ("vänort",)),
    )
    labels = {c.label: c for c in analyzer.analyze("What is on the international side?").concepts}
    assert labels["side"].language == "en"  # a word of the question, not the glossary's
    labels = {c.label: c for c in analyzer.analyze("Who decides on a vänort here?").concepts}
    assert labels["vänort"].language == "sv"  # the glossary's Swedish term


def test_the_organisation_in_the_definite_form_is_the_one_named_or_chosen():
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary
    from core.text import Lexicon

    analyzer = QuestionAnalyzer(
        Glossary([]), Lexicon([]), OrganisationMatcher({"Ekeby läns landsting": ["Ekeby"]})
    )

    def labels(text: str, chosen: bool = False) -> list[str]:
        return [c.label for c in analyzer.analyze(text, chosen=chosen).concepts]

    assert labels("Vad säger regionens policy om vänorter i Ekeby?") == ["policy", "vänorter"]
    assert labels("Vem beslutar om nätverk hos landstinget, Ekeby?") == ["beslutar", "nätverk"]
    # no organisation named or chosen: the word is what is asked about
    assert "regionens" in labels("Vad säger regionens policy om vänorter?")
    assert labels("Vad säger regionens policy om vänorter?", chosen=True) == ["policy", "vänorter"]
    # a plural is other organisations, not this one
    assert "regionerna" in labels("Hur samarbetar Ekeby med regionerna i Norden?")


@pytest.mark.parametrize(
    "follow_up",
    ["Hur är det i Fjällby?", "Hur ser det ut i Fjällby kommun?", "How is it in Fjällby?"],
)
def test_asking_how_it_is_elsewhere_carries_the_topic(follow_up):
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary
    from core.text import Lexicon

    analyzer = QuestionAnalyzer(
        Glossary([]),
        Lexicon([]),
        OrganisationMatcher({"Ekeby kommun": ["Ekeby"], "Fjällby kommun": ["Fjällby"]}),
    )
    asked = analyzer.analyze(follow_up, ["Vem beslutar om vänorter i Ekeby?"])
    assert asked.organisations == ["Fjällby kommun"]
    assert "vänorter" in [c.label for c in asked.concepts]


def test_a_library_name_that_ends_a_longer_organisation_name_is_not_that_organisation():
    from assistant.query import OrganisationMatcher

    matcher = OrganisationMatcher({"Ekeby kommun": ["Ekeby", "Ekebys"]})
    assert matcher.find("Vad säger Region Skoga Ekeby om vänorter?")[0] == []
    assert matcher.find("Vad säger Region Skoga Ekebys policy om vänorter?")[0] == []
    # the library's own name, with the words people put around it, is still found
    assert matcher.find("Vad säger Region Ekeby om vänorter?")[0] == ["Ekeby kommun"]
    assert matcher.find("I Skoga och Ekeby, vem beslutar?")[0] == ["Ekeby kommun"]
    assert matcher.find("Vad säger Ekebys kommun om Region Skoga?")[0] == ["Ekeby kommun"]
    # a list of names after an organisation word, not one name
    assert matcher.find("Vem beslutar i Region Skoga, Ekeby och Lindvik?")[0] == ["Ekeby kommun"]


def test_a_chat_keeps_its_organisation_until_another_is_named():
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary
    from core.text import Lexicon

    analyzer = QuestionAnalyzer(
        Glossary([]), Lexicon([]), OrganisationMatcher({"Ekeby kommun": ["Ekeby"]})
    )
    history = ["What are Ekeby's three focus areas?"]
    follow = analyzer.analyze("For the second one, what should the work focus on?", history)
    assert follow.organisations == ["Ekeby kommun"]
    assert analyzer.analyze("What should the work focus on?").organisations == []


@pytest.mark.parametrize(
    ("text", "name", "organisation"),
    [
        ("Vad säger Region Skoga om vänorter?", "Skoga", "Region Skoga"),
        ("Har Brattbys kommun en policy för resor?", "Brattbys", "Brattbys kommun"),
        ("What does the City of Lindvik say about twinning?", "Lindvik", "City of Lindvik"),
        ("Does Fjällby municipality pay for interpreters?", "Fjällby", "Fjällby municipality"),
        # a place, a partner or a country is not an organisation of its own
        ("Jag reser till Tallinn i maj. Vem godkänner resan?", "Tallinn", ""),
        ("Is there an agreement with Shanghai?", "Shanghai", ""),
        ("What does the policy of Brattby say?", "Brattby", ""),
        # a name of two words, whole, without its genitive; not across sentences
        ("Vad säger Region Norra Skoga om vänorter?", "Norra", "Region Norra Skoga"),
        ("Hur gör Region Skogas policy med resor?", "Skogas", "Region Skoga"),
        ("Hur gör Region Övre Skogas policy med resor?", "Övre", "Region Övre Skoga"),
        ("Hur gör Region Skoga? Och Lindvik?", "Skoga", "Region Skoga"),
        ("Har Region Skoga EU-projekt i Norge?", "Skoga", "Region Skoga"),
        ("Vad säger Region Skogas EU-strategi?", "Skogas", "Region Skoga"),
    ],
)
def test_a_name_beside_an_organisation_word_names_an_organisation(text, name, organisation):
    from assistant.query import organisation_named

    assert organisation_named(text, name) == organisation


@pytest.mark.parametrize(
    ("question", "framing", "asked"),
    [
        ("I've just started as EU coordinator. What is expected of me?", "started", "coordinator"),
        ("Jag har precis börjat som EU-samordnare. Vad förväntas av mig?", "börjat", "samordnare"),
    ],
)
def test_having_just_started_frames_a_question_about_the_new_post(question, framing, asked):
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary
    from core.text import Lexicon

    analyzer = QuestionAnalyzer(Glossary([]), Lexicon([]), OrganisationMatcher({}))
    labels = " ".join(c.label for c in analyzer.analyze(question).concepts)
    assert framing not in labels
    assert asked in labels


def test_a_question_typed_without_diacritics_reads_its_function_words_as_such():
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary
    from core.text import Lexicon

    analyzer = QuestionAnalyzer(Glossary([]), Lexicon(["anställda"]), OrganisationMatcher({}))
    labels = [
        c.label for c in analyzer.analyze("finns det nagra regler for anstalld pa resa").concepts
    ]
    assert "nagra" not in labels and "pa" not in labels  # "några", "på"
    assert "anställd" in labels  # the library's spelling, from "anställda"
    # typed with å/ä/ö somewhere, a word is read as typed
    labels = [c.label for c in analyzer.analyze("finns det några regler om nagra").concepts]
    assert "nagra" in labels


def _ekeby_analyzer():
    from assistant.query import OrganisationMatcher, QuestionAnalyzer
    from core.glossary import Glossary
    from core.text import Lexicon

    return QuestionAnalyzer(
        Glossary([]), Lexicon([]), OrganisationMatcher({"Ekeby kommun": ["Ekeby"]})
    )


def _concept(question, label, history=()):
    asked = _ekeby_analyzer().analyze(question, list(history))
    return next(c for c in asked.concepts if c.label == label)


def test_a_country_travelled_to_is_also_the_groups_travel_rules_name():
    outside = _concept("Vem godkänner min resa till Kanada?", "kanada")
    assert outside.destination
    assert {("utanför", "europ"), ("utanför", "eu"), ("utomland",)} <= outside.alternatives
    assert ("europ",) not in outside.alternatives  # Canada is not in Europe
    inside = _concept("Who approves a conference trip to Germany?", "germany")
    assert {("eu",), ("europ",), ("utanför", "nord")} <= inside.alternatives
    assert ("utanför", "eu") not in inside.alternatives
    nordic = _concept("Vi ska på ett seminarium i Norge. Vem betalar?", "norge")
    assert {("nord",), ("utanför", "eu"), ("ees",)} <= nordic.alternatives


def test_a_country_is_no_destination_as_a_partner_or_outside_travel():
    assert not _concept("Har Ekeby ett samarbete med Kanada?", "kanada").destination
    assert not _concept("Vi reser snart. Har Ekeby ett avtal med Kanada?", "kanada").destination
    assert not _concept("Vad säger policyn om Kanada?", "kanada").destination
    # where guests come from is no destination; a second country travelled to is one
    assert not _concept("Hur tar vi emot delegationen från Kina?", "kina").destination
    assert _concept("Vad gäller för resor till Tyskland och Polen?", "polen").destination
    # Åland is in the EU; Russia is counted neither inside nor outside Europe
    aland = _concept("Vem godkänner en resa till Åland?", "åland").alternatives
    assert ("utanför", "eu") not in aland
    russia = _concept("Vem godkänner en resa till Ryssland?", "ryssland").alternatives
    assert not {("europ",), ("utanför", "europ")} & russia
    # a country partly in Europe is counted neither inside nor outside it
    turkey = _concept("Vem godkänner en resa till Turkiet?", "turkiet")
    assert not {("europ",), ("utanför", "europ")} & turkey.alternatives


def test_a_continuation_that_adds_a_condition_goes_on_with_the_topic():
    asked = _ekeby_analyzer().analyze(
        "Och om konferensen är i Kanada, räcker det då?", ["Vem godkänner en resa i Ekeby?"]
    )
    assert "godkänner" in [c.label for c in asked.concepts]
    # one with a topic of its own does not, however few its concepts
    for follow_up in (
        "Och vem ordnar tolkning, lokaler, måltider och transporter?",
        "Och vem beslutar om gåvor?",
        "Men vem företräder kommunen i nätverk?",
    ):
        asked = _ekeby_analyzer().analyze(follow_up, ["Vem godkänner en resa i Ekeby?"])
        assert "godkänner" not in [c.label for c in asked.concepts], follow_up
