"""Negation, hedging and experiencer trigger phrases (NegEx/ConText style).

The design follows NegEx (Chapman WW, Bridewell W, Hanbury P, Cooper GF, Buchanan BG.
A simple algorithm for identifying negated findings and diseases in discharge
summaries. J Biomed Inform 2001) and its extension ConText (Harkema H, Dowling JN,
Thornblade T, Chapman WW. ConText: an algorithm for determining negation, experiencer,
and temporal status from clinical reports. J Biomed Inform 2009): a trigger opens a
scope that runs forward (pre) or backward (post) until the clause ends, a termination
phrase ("but", "however", "reports") appears, or too many words pass. Pseudo-triggers
("no change", "not only") look like triggers but are not. The phrase lists here are
our own, shaped after those papers; they are heuristics, not measured rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from carenote.text.normalise import normalise_token, tokenise
from carenote.text.phrasetable import PhraseTable

#: Words that may pass between a trigger (or the last finding in its scope) and the
#: next finding before the scope lapses. Lists chain: each finding resets the count.
WINDOW = 5
#: Words a backward (post) trigger may reach over, between findings.
POST_WINDOW = 3

Direction = Literal["pre", "post", "both", "pseudo", "stop"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger phrase does to the findings in its scope."""

    direction: Direction
    negate: bool = False
    hedge: bool = False
    family: bool = False


NEG_PRE = Trigger("pre", negate=True)
NEG_POST = Trigger("post", negate=True)
NEG_BOTH = Trigger("both", negate=True)
HEDGE_PRE = Trigger("pre", hedge=True)
HEDGE_POST = Trigger("post", hedge=True)
HEDGE_BOTH = Trigger("both", hedge=True)
#: "unlikely", "doubtful": said with doubt, and leaning to absent.
DOUBT_POST = Trigger("post", negate=True, hedge=True)
DOUBT_BOTH = Trigger("both", negate=True, hedge=True)
DOUBT_PRE = Trigger("pre", negate=True, hedge=True)
FAMILY_PRE = Trigger("pre", family=True)
FAMILY_NEG_PRE = Trigger("pre", negate=True, family=True)
FAMILY_POST = Trigger("post", family=True)
PSEUDO = Trigger("pseudo")
STOP = Trigger("stop")

_RELATIVES = (
    "mother", "father", "sister", "brother", "sibling", "parent", "grandmother",
    "grandfather", "aunt", "uncle", "cousin", "mum", "mom", "dad",
)  # fmt: skip
_SUBJECTS = ("she", "he", "they", "the patient")
_RELATIVE_VERBS = (
    "has", "had", "have", "died of", "was diagnosed with", "suffers from", "suffer from",
    "has been diagnosed with", "have been diagnosed with", "were diagnosed with",
    "who has", "who have", "who had", "who has been diagnosed with",
    "who have been diagnosed with", "who was diagnosed with", "who were diagnosed with",
)  # fmt: skip
#: "a brother with asthma"; parents and grandparents are left out because "brought in
#: by his mother with fever" is about the patient.
_RELATIVES_WITH = ("sister", "brother", "sibling", "aunt", "uncle", "cousin")
#: People around the patient whose illness is an exposure, not the patient's finding:
#: "a classmate sick with pneumonia" (reported like family history, subject "family").
_OTHERS = ("classmate", "schoolmate", "friend", "colleague", "coworker", "roommate", "flatmate")
_OTHER_VERBS = (
    "sick with",
    "ill with",
    "with",
    "has",
    "had",
    "who has",
    "who had",
    "diagnosed with",
)
#: "his mother has noticed a rash" is about the patient: these end a family scope
#: (longest match wins over "mother has").
_RELATIVE_REPORTS = (
    "has noticed",
    "had noticed",
    "noticed",
    "has seen",
    "had seen",
    "has observed",
    "has been",
    "had been",
    "has brought",
    "reports",
    "says",
    "states",
    "describes",
    "is worried",
    "is concerned",
    "has given",
    "had given",
    "gave",
    "thinks",
    "thought",
    "feels",
    "felt",
    "believes",
    "found",
    "has found",
    "witnessed",
    "has witnessed",
    "heard",
    "has heard",
    "is anxious",
    "is sure",
    "mentions",
    "explains",
    "brought",
    "brings",
    "took",
    "called",
)
#: Who may tell the story: a relative, a partner or a friend ("her husband has noticed").
_REPORTERS = (
    *_RELATIVES, "husband", "wife", "partner", "boyfriend", "girlfriend", "spouse",
    "friend", "roommate", "flatmate", "colleague", "carer", "teacher",
)  # fmt: skip

#: Verbs that start a clause of their own after "and": "he has lost weight without
#: trying and feels tired" does not deny the tiredness. "and" before one of them ends a
#: scope (context.py); the verb stays free to start a phrase ("feels tired").
CLAUSE_VERBS = (
    "feel", "felt", "look", "looks", "looked", "seem", "seems", "seemed", "says", "said",
    "noticed", "notes", "gets", "got", "becomes", "became", "takes", "took", "goes", "went",
    "wakes", "woke", "can", "could", "will", "would", "needs", "needed", "started", "keeps",
    "kept", "wants", "lives", "works", "drinks", "eats", "sleeps", "walks", "tells", "told",
    "thinks", "thought", "finds", "found", "describes", "described", "complains",
    "complained", "appears", "appeared", "remains", "remained",
)  # fmt: skip
CLAUSE_VERB_NORMS = frozenset(normalise_token(verb) for verb in CLAUSE_VERBS)

_PHRASES: tuple[tuple[Trigger, tuple[str, ...]], ...] = (
    (NEG_PRE, (
        "no", "not", "cannot", "denies", "denying", "deny", "without", "w/o",
        "negative for", "neg for", "is negative for", "was negative for", "are negative for",
        "were negative for", "came back negative for", "tested negative for", "no history of",
        "no hx of", "no evidence of",
        "no sign of", "no signs of", "no symptoms of", "absence of", "free of", "free from",
        "never", "never had", "neither", "nor", "no complaints of", "no c/o", "lack of",
        "ruled out", "resolution of", "no further episodes of",
        "no longer", "not had", "no episodes of", "nil", "no concerns about",
        "no concern about", "not concerned about", "not worried about",
        # "he is hardly coughing": so little that it is not a finding.
        "hardly", "barely", "scarcely", "hardly any", "barely any",
        # "none of the spots are hot or painful"
        "none of", "none of the", "none of them",
    )),
    (NEG_POST, (
        "was denied", "were denied", "is absent", "was absent", "are absent", "were absent",
        "is negative", "was negative", "were negative", "are negative", "are all negative",
        "were all negative", "came back negative", "tested negative", "not present",
        "is not present", "was not present", "not seen", "not detected", "not found",
        "was ruled out", "were ruled out", "has been ruled out", "been excluded", "was excluded",
        "is excluded", "were excluded", "excluded",
    )),
    (NEG_BOTH, ("absent", "negative", "denied")),
    (HEDGE_PRE, (
        "possibly", "probably",
        "suspicious for", "suspicion of", "suspicion for", "concern for", "concerning for",
        "concerned about", "worried about", "worries about", "worry about",
        "worrying about", "concerns about", "anxious about", "afraid of", "scared of",
        "fear of", "frightened of", "question of", "questionable", "query",
        "rule out", "to rule out", "r/o", "evaluate for", "evaluation for", "work up for",
        "not rule out", "can not rule out", "can not exclude",
        "could be", "may be", "might be", "may have", "might have", "maybe", "perhaps",
        "differential includes", "differential diagnosis includes", "ddx", "consider",
        "considering", "not sure", "not certain", "unsure", "uncertain", "presumed",
        "presumably", "most likely", "versus", "vs",
        # Hypothetical (ConText): not something the person has now.
        "if", "in case of", "watch for", "look out for", "return if", "come back if",
        "unless", "whether", "should she develop", "should he develop", "at risk of",
        # ... and the same with a subject, which would otherwise end the scope.
        *(f"{word} {who}" for word in ("if", "whether", "unless") for who in _SUBJECTS),
    )),
    (HEDGE_POST, (
        "is possible", "is suspected", "was suspected", "is likely", "not be excluded",
        "not be ruled out", "not ruled out", "is probable",
        "was not ruled out", "is not ruled out", "is not excluded",
        "cannot be excluded", "cannot be ruled out",
    )),
    # "cannot exclude X" / "X not excluded" normalise alike ("exclud"): the position
    # next to a finding decides.
    (HEDGE_BOTH, ("suspected", "likely", "possible", "probable", "not excluded")),
    (DOUBT_PRE, ("unlikely to be", "doubt", "doubtful for")),
    (DOUBT_POST, (
        "is unlikely", "was unlikely", "seems unlikely", "less likely", "is less likely",
        "not likely", "is not likely", "very unlikely", "is doubtful", "improbable",
    )),
    (DOUBT_BOTH, ("unlikely", "doubtful")),
    (FAMILY_PRE, (
        "family history of", "family history", "fhx", "fh of", "runs in the family",
        "family member with", "family members with",
        *(f"{who} {verb}" for who in _RELATIVES for verb in _RELATIVE_VERBS),
        *(f"{who} with" for who in _RELATIVES_WITH),
        *(f"{who} {verb}" for who in _OTHERS for verb in _OTHER_VERBS),
    )),
    # "diabetes in her mother", "hypertension in the family" (articles and possessives
    # are stepped over, so "in mother" covers "in his mother" and "in the mother").
    (FAMILY_POST, ("in family", *(f"in {who}" for who in _RELATIVES))),
    (FAMILY_NEG_PRE, ("no family history of", "no family history", "no fh of", "no fhx")),
    (PSEUDO, (
        "no change", "no significant change", "no increase", "no decrease",
        "no improvement", "not improve", "not improved", "not improving", "no relief",
        "not relieved", "not only", "not just", "not necessarily", "without difficulty",
        "no further", "gram negative", "not worse", "not respond", "not responded",
        "not responding", "no response", "not resolved", "not resolve", "not go away",
        "not gone away", "not settle", "not settled", "not subside", "not subsided",
        "not stop", "not stopped", "not help", "not helped",
        # "can't stop coughing", "cannot get rid of this cough": the finding is there.
        "cannot stop", "cannot help", "cannot get rid of", "cannot shake off",
        # "bruises that I can't explain": unexplained, not absent.
        "cannot explain", "cannot account for", "no explanation", "no obvious reason",
        "for no reason", "no apparent reason", "no obvious cause", "no known cause",
    )),
    (STOP, (
        "but", "however", "although", "though", "yet", "except", "except for",
        "apart from", "aside from", "other than", "save for", "still", "nevertheless",
        "whereas", "while", "which", "who", "because", "due to", "secondary to",
        # NegEx's and ConText's terminations for a cause ("no evidence of infection as
        # the cause of her fever").
        "cause of", "cause for", "causes of", "source of", "reason for", "etiology of",
        "aetiology of", "origin of",
        "reports", "reported", "reporting", "complains of", "complained of",
        "complaining of", "complains", "c/o", "endorses", "endorsed", "endorsing", "admits",
        "presents", "presented", "presenting", "present", "positive for", "positive",
        "notable for", "significant for", "remarkable for", "she", "he", "they", "i", "patient",
        "pt", ", has", ", had", ", have", ", is", ", was", "and has", "and had", "and is",
        "and was", "and have", "now has", "developed", "then developed", "subsequently",
        *(f"{who} {verb}" for who in _REPORTERS for verb in _RELATIVE_REPORTS),
    )),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TriggerTable:
    """Trigger phrases compiled into a phrase table (values index ``triggers``)."""

    table: PhraseTable
    triggers: tuple[Trigger, ...]


def build_triggers() -> TriggerTable:
    """Compile the trigger phrases; a phrase listed twice keeps its first meaning."""
    table = PhraseTable()
    triggers: list[Trigger] = []
    seen: set[tuple[str, ...]] = set()
    for trigger, phrases in _PHRASES:
        for phrase in phrases:
            key = tokenise(phrase).norms
            if key in seen:
                continue
            seen.add(key)
            triggers.append(trigger)
            table.add(key, len(triggers) - 1)
    return TriggerTable(table, tuple(triggers))
