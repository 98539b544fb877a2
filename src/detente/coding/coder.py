"""Code predicates of a parsed document into events: type, roles, status, evidence.

A predicate is a verb or event noun whose lemma has a pattern in data/patterns.jsonl.
Its source is the grammatical subject (the agent in the passive, the possessor or modifier
of an event noun); its target the object or the pattern's prepositional object.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorIndex
from detente.actors.resolver import sentence_index
from detente.coding.ontology import CameoCode, cameo
from detente.coding.patterns import Pattern, load_patterns
from detente.records import Actor

_SUBJ = ("nsubj", "csubj")
_FUTURE = {"will", "shall", "'ll", "wo"}
_PLANNED_HEADS = {"schedule", "plan", "set", "due", "expect", "prepare"}


@dataclass(frozen=True)
class Role:
    """A filled role: the actor and the character span it was read from."""

    actor: Actor
    span: tuple[int, int]


@dataclass(frozen=True)
class Coded:
    """What the coder found for one predicate (token indices stay inside the NLP layer)."""

    trigger_i: int
    sentence_index: int
    trigger_span: tuple[int, int]
    trigger_text: str
    code: CameoCode
    sources: tuple[Role, ...]
    targets: tuple[Role, ...]
    status: str
    rule: str
    confidence: float


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def match_pattern(token: Token) -> Pattern | None:
    """The most specific pattern that fits this predicate token, if any."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
    candidates = load_patterns().get((lemma_of(token), pos))
    if not candidates:
        return None
    for p in candidates:
        if p.particle and not any(c.dep_ == "prt" and c.lower_ == p.particle for c in token.children):
            continue
        if p.object and not any(lemma_of(o) in p.object for o in objects(token, p)):
            continue
        if p.prep and not p.object and not any(c.lower_ == p.prep for c in token.children):
            continue
        return p
    return None


def objects(token: Token, p: Pattern) -> list[Token]:
    """The tokens that can satisfy a pattern's object constraint."""
    out = []
    for c in token.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and not p.prep:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {p.prep, p.object_prep}:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    out.extend(conj for t in list(out) for conj in t.conjuncts)
    return out


def subject_of(token: Token) -> Token | None:
    """The grammatical subject of a verb, through xcomp/conj chains and relative clauses."""
    t: Token | None = token
    while t is not None:
        for c in t.children:
            if c.dep_ in _SUBJ:
                if c.tag_ in ("WP", "WDT") and t.dep_ == "relcl":
                    return t.head
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        return None
    return None


def target_of(token: Token, p: Pattern) -> Token | None:
    """The target: the pattern's object dependency or prepositional object."""
    for c in token.children:
        if (c.dep_ in p.target_dep or (c.dep_ == "nsubjpass" and "dobj" in p.target_dep)) and not (
            p.light or p.object
        ):
            return c
        if c.dep_ == "prep" and c.lower_ in p.target_prep:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if "iobj" in p.target_dep or "dobj" in p.target_dep:
        for c in token.children:
            if c.dep_ == "dative":
                return c
    return None


def noun_source(token: Token) -> Token | None:
    """Source of an event noun: possessor, actor modifier, or agent after 'by'."""
    for c in token.children:
        if c.dep_ == "poss":
            return c
    for c in token.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    head = token.head
    if token.dep_ in ("dobj",) and head.pos_ == "VERB":
        return subject_of(head)
    return None


def status_of(token: Token) -> str:
    """occurred / planned / hypothetical / negated / historical, from the clause's markers."""
    t = token
    chain = [t]
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
        chain.append(t)
    kids = [c for x in chain for c in x.children]
    if any(c.dep_ == "neg" for c in token.children) or any(c.lower_ in ("never",) for c in kids):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
        return "hypothetical"
    if any(c.lower_ in _FUTURE and c.dep_ == "aux" for c in kids):
        return "planned"
    if any(lemma_of(x) in _PLANNED_HEADS for x in chain[1:]):
        return "planned"
    if any(c.dep_ == "auxpass" for c in token.children) and token.head.pos_ == "VERB":
        pass
    if any(c.lower_ in ("repeatedly", "always") for c in kids):
        return "historical"
    return "occurred"


def np_span(token: Token) -> Span:
    """The noun phrase a role token stands for, without relative clauses or appositions."""
    left = token.left_edge.i
    right = token.i
    for c in token.rights:
        if c.dep_ in ("compound", "flat", "nummod", "amod") or (
            c.dep_ == "prep" and c.lower_ == "of"
        ):
            right = c.right_edge.i
    return token.doc[left : right + 1]


def role_of(token: Token | None, actors: ActorIndex) -> Role | None:
    """The actor a role token stands for: a resolved mention, else its text uncoded."""
    if token is None:
        return None
    mention = actors.for_token(token)
    if mention is None:
        for t in np_span(token):
            mention = actors.for_token(t)
            if mention is not None:
                break
    if mention is not None:
        return Role(mention.actor, mention.span)
    if token.pos_ == "PRON":
        return None
    span = np_span(token)
    return Role(Actor(text=span.text), (span.start_char, span.end_char))


def roles_of(token: Token | None, actors: ActorIndex) -> tuple[Role, ...]:
    """Roles for a token and its coordinated conjuncts ("Moon and Trump")."""
    if token is None:
        return ()
    out: list[Role] = []
    for t in (token, *token.conjuncts):
        role = role_of(t, actors)
        if role is not None and role not in out:
            out.append(role)
    return tuple(out)


def code_token(token: Token, actors: ActorIndex) -> Coded | None:
    """Code one token if it is a predicate with a pattern."""
    p = match_pattern(token)
    if p is None:
        return None
    code = cameo(p.cameo)
    if code.plover is None:
        return None
    source_tok = noun_source(token) if p.pos == "NOUN" else subject_of(token)
    sources = roles_of(source_tok, actors)
    targets = roles_of(target_of(token, p), actors)
    confidence = 0.4 + 0.1 * p.specificity
    confidence += 0.2 if any(r.actor.code for r in sources) else 0.0
    confidence += 0.1 if any(r.actor.code for r in targets) else 0.0
    return Coded(
        trigger_i=token.i,
        sentence_index=sentence_index(token.doc, token),
        trigger_span=(token.idx, token.idx + len(token.text)),
        trigger_text=token.text,
        code=code,
        sources=sources,
        targets=targets,
        status=status_of(token),
        rule=f"pattern:{p.id}",
        confidence=round(min(confidence, 0.95), 2),
    )


def code_doc(doc: Doc, actors: ActorIndex) -> list[Coded]:
    """Every coded predicate of a document, in text order."""
    out = []
    for token in doc:
        if token.pos_ in ("VERB", "NOUN", "AUX"):
            coded = code_token(token, actors)
            if coded is not None:
                out.append(coded)
    return out
