"""Speech: who said what. A predicate inside the complement of a speech verb is reported
speech; the speech verb's subject is its speaker."""

from __future__ import annotations

from spacy.tokens import Token

from detente.actors import ActorIndex
from detente.records import Actor

SPEECH_VERBS = frozenset({
    "say", "tell", "state", "declare", "announce", "claim", "add", "insist", "report",
    "write", "tweet", "stress", "note", "argue", "reiterate", "confirm", "deny", "suggest",
})


def speech_verb_of(token: Token) -> Token | None:
    """The speech verb whose complement holds `token`, if any."""
    t = token
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and t.head.lemma_.lower() in SPEECH_VERBS:
            return t.head
        if t.dep_ in ("relcl",):
            return None
        t = t.head
    return None


def speaker_of(token: Token, actors: ActorIndex) -> Actor | None:
    """The actor who reported the event whose predicate is `token`, or None."""
    verb = speech_verb_of(token)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            mention = actors.for_token(c)
            return mention.actor if mention else Actor(text=c.text)
    return None
