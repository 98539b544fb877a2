"""Code the predicates of a parsed document into events: type, roles, status, evidence.

A predicate is a verb or an event noun whose lemma has a pattern in `data/patterns.jsonl`.
The coder reads, for each one:

- its code: the pattern's, or the combined code of a frame and its complement ("agreed to
  delay the drills" is 0356, "refused to release" 1243), or a refusal when a cooperative act
  is negated in the future ("will not give up" is 124);
- its source: the subject (through control verbs, conjunctions and relative clauses), the
  agent of a passive, the possessor of an event noun ("X's offer") or "by X"; a light verb's
  subject for its object noun ("made the offer");
- its target: the object, the dative ("warned Washington"), the passive subject, or the
  pattern's prepositions ("sanctions on X", "talks with X");
- its status: negated, planned, hypothetical, historical or occurred, from the clause's cues.

A role's span (`source_span`, `target_span`) is where the sentence names the actor: the noun
phrase that fills the role ("the Irish premier", "a Nigerian army base", "President Ilham Aliyev
of Azerbaijan"), which holds the actor's mention; for a pronoun the actors module resolved by
coreference, the mention it stands for when that is in the same sentence ("Greece said it would
...": "Greece"), else the pronoun itself, so that every span of a record lies in its sentence.
The actor's `text` is always the text of its span. Groups ("both sides", "the two Koreas",
"North and South Korea") and coordinated actors give one role per member actor.

Statements, comments and appeals (CAMEO 01, 02) have no PLOVER type and are not events.
Reported speech needs no special case: the speech verb has no pattern, and the reported
clause is coded with its own subject, so the reporter never becomes the actor.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from detente import nlp
from detente.actors import ActorIndex
from detente.coding.ontology import CameoCode, cameo
from detente.coding.patterns import Pattern, frame_code, load_cues, load_patterns, load_rewrites
from detente.records import Actor, Mention
from detente.where import choose, match_at

# Records below this confidence are not emitted: on the project's measurements fewer than
# one in three of them was right (see `detente eval classes`, accuracy by confidence band).
MIN_CONFIDENCE = 0.5
_OBJECT_DEPS = ("dobj", "attr", "oprd")
_RELATIVE = ("WP", "WDT", "WP$")
_NOT_ACTORS = frozenset({"DATE", "TIME", "EVENT", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
# Acts done together: "X met/negotiated/signed a deal/cooperated with Y" is one mutual record.
_MUTUAL_ROOTS = ("04", "06")
_MUTUAL_CODES = ("057", "050", "190")
# ... and "X and Y agreed / declared a truce" too, where the sentence names no other party.
_TOGETHER_ROOTS = ("03", "04", "06")
_TOGETHER_CODES = ("050", "057", "0871", "190")
# Where a verb's pattern names no preposition for its target: "complained to X", "fought against X".
_DEFAULT_TARGET_PREPS = ("to", "against")
_CONDITION_LINKS = ("xcomp", "conj", "acomp", "advcl", "dobj", "pobj", "prep", "ccomp")
_CLAUSE_LINKS = ("xcomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr")
# Sectors that are arms of the state, the same actor as their sector-less country.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})
_NOT_ROLE_WORDS = frozenset({"it", "this", "that", "which", "there", "what", "nothing", "none"})
_THIRD_PERSON = frozenset({"he", "she", "it", "they"})
_PERSONAL = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "us"})
# Material conflict (protest, posture, coercion, assault, fighting): an international body is not
# its target but where the clause says so.
_MATERIAL_CONFLICT = ("14", "15", "17", "18", "19", "20")
# Reproaches (disapprove, reject, threaten, protest, reduce relations): their object act's doer
# is their target.
_REPROACH_ROOTS = ("11", "12", "13", "14", "16")
# Moves of an exchange between parties (appeals, offers, talks, demands, refusals): who reports
# one is often the other party.
_EXCHANGE_ROOTS = ("02", "03", "04", "05", "10", "12")
# Attacks (assault, fight, mass violence): coded even when their doer is unknown.
_VIOLENT_ROOTS = ("18", "19", "20")
# Acts done by saying (appeals, intents, talks, demands, reproaches, threats):
# only an actor does them, never an act or a weapon.
_SAYING_ROOTS = ("02", "03", "04", "10", "11", "12", "13")
# Roots whose expression is itself the event: a future form does not make them "planned".
_VERBAL_ROOTS = ("03", "10", "11", "12", "13")
_COOPERATIVE_ROOTS = ("03", "04", "05", "06", "07", "08")
_MATERIAL_COOPERATION = ("05", "06", "07", "08")  # acts whose announcement is an intent (03x)
# Verbs that link a subject to what it is: an event noun after them is a comment.
_COPULAS = frozenset({"be", "represent", "remain", "become", "constitute", "mark", "seem", "look"})
# The sectors of people who act as a crowd: their gathering is a demonstration, their violence a riot.
_CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REF"})
# Determiners of a subject that make a clause a general rule, not a report ("any enemy who ...").
_GENERIC = frozenset({"any", "every", "each", "no", "whichever"})
# Tags of a verb that states a fact; a demand's clause has a base form ("insisted sanctions be lifted").
_FINITE = frozenset({"VBZ", "VBD", "VBP"})
# Verbs whose object, not their subject, is the actor of the complement ("urged Iran to ...").
_OBJECT_CONTROL_FRAMES = ("appeal", "demand")


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
    mutual: bool = False  # the parties did it together: one record per pair, either way round


@dataclass
class _Predicate:
    """A matched predicate while the document is being coded."""

    token: Token
    pattern: Pattern
    code: str
    rule: str
    complement: _Predicate | None = None
    consumed: bool = False
    together: bool = False  # a rewrite made it an act its parties do together


def lemma_of(token: Token) -> str:
    """Lower-cased lemma (spaCy's small model leaves some proper-cased)."""
    return token.lemma_.lower()


def _pos_key(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ == "ADJ":
        return "ADJ"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def match_pattern(token: Token) -> Pattern | None:
    """The most specific pattern that fits this predicate token, if any."""
    pos = _pos_key(token)
    if pos is None:
        return None
    candidates = load_patterns().get((lemma_of(token), pos))
    if not candidates:
        return None
    particles = {c.lower_ for c in _particles(token)}
    light = pos == "VERB" and lemma_of(token) in load_cues()["light"]
    for p in candidates:
        if p.particle and p.particle not in particles:
            continue
        if p.with_prep and not any(
                c.dep_ == "prep" and c.lower_ in p.with_prep
                and (not p.with_prep_object or any(lemma_of(g) in p.with_prep_object for g in _pobjs(c)))
                for o in (token, *objects(token, p)) for c in o.children):
            continue  # (on the verb or its object: the parser hangs "into the ministry" on either)
        if p.not_deps and any(c.dep_ in p.not_deps for c in token.children):
            continue  # "demonstrated that it works": showing, not protesting
        if p.not_object and any(lemma_of(o) in p.not_object for o in objects(token, p)):
            continue  # "battled cancer", "called the air strike ...": another sense of the word
        if particles and not p.particle and p.pos == "VERB":
            continue  # "give up" is not "give"
        nominal = ("NOUN", "PROPN") if p.origin != "detente" else None
        if p.object and not any(lemma_of(o) in p.object and (nominal is None or o.pos_ in nominal)
                                for o in objects(token, p)):
            continue  # (an imported pattern's object is a noun: "froze aid", not "said we would release")
        if p.object and light and not any(lemma_of(o) in p.object for o in objects(token, p, False)) and any(
                o.pos_ == "NOUN" and match_pattern(o) is not None for o in objects(token, p, False)):
            continue  # "launched a missile attack": the attack is the event (a light verb's noun)
        if p.prep and not p.object and not any(c.lower_ == p.prep and not _a_time(c) for c in token.children):
            continue  # ("called Erdogan on Tuesday": a phone call on a day, not a call on anyone)
        return p
    return None


def _small_clause(verb: Token) -> bool:
    """A participle with a subject and no auxiliary as the complement of a verb ("wanted all
    sanctions lifted", "wants him released"): its subject is what undergoes it, a passive's."""
    return verb.dep_ == "ccomp" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def _placed(targets: tuple[Role, ...], token: Token) -> tuple[Role, ...]:
    """A target that is a town, region or site the gazetteer knows stands for the country it
    lies in ("bombed Aleppo", "deployed to Nagorno-Karabakh"); a shared or disputed place with
    no country stays as written."""
    if token.pos_ != "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return targets
    span = np_span(token)
    start = next((t.i for t in span if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC")), token.i)
    found = match_at(token.doc, start, token.i + 1)
    if found is None or found.end != token.i + 1:
        return targets
    place = choose(found, token.doc)
    iso = place.location.country
    if place.kind == "country" or not iso:
        return targets
    return tuple(Role(replace(r.actor, code=iso, country=iso), r.span) for r in targets)


def _pobjs(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]


def _particles(token: Token) -> list[Token]:
    """A verb's particles: those the parser marks, and an adverb-like "out", "off", "down" it
    reads as a preposition with no object of its own ("pulled out of Syria": "out" heads "of")."""
    words = load_cues()["particle"]
    return [c for c in token.children if c.dep_ == "prt" or (
        c.dep_ in ("prep", "advmod") and c.lower_ in words and not _pobjs(c) and c.i > token.i)]


def _a_time(prep: Token) -> bool:
    """A prepositional phrase that says when ("on Tuesday", "on 3 May"), not to or of whom."""
    objs = _pobjs(prep)
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def objects(token: Token, p: Pattern, modifiers: bool = True) -> list[Token]:
    """The tokens that can satisfy a pattern's object constraint (with `modifiers`, the
    objects' own modifiers too: "air strike", "martial law")."""
    out: list[Token] = []
    particles = _particles(token) if p.prep and p.pos != "NOUN" else []
    for c in token.children:
        if p.pos == "NOUN":
            if c.dep_ in ("compound", "amod", "nmod"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == (p.object_prep or "of"):
                out.extend(_pobjs(c))
        elif p.prep:
            if c.dep_ == "prep" and c.lower_ == p.prep:
                out.extend(_pobjs(c))
            elif c in particles and c.dep_ in ("advmod", "prep"):  # "walked away from the talks"
                out.extend(g for d in c.children if d.dep_ == "prep" and d.lower_ == p.prep
                           for g in _pobjs(d))
        elif c.dep_ in (*_OBJECT_DEPS, "nsubjpass", "dative", "ccomp") or (
            c.dep_ == "prep" and c.lower_ in ("on", "in")  # "put troops on alert"
        ):
            out.append(c)
            if c.dep_ == "prep":
                out.extend(_pobjs(c))
            elif c.dep_ == "dobj":  # "called the president's visit a disgrace", "branded the
                # president a liar": the parser hangs the predicate noun on the object or the verb
                out.extend(g for g in (*c.children, *token.children) if g.dep_ == "npadvmod"
                           and g.i > c.i and g.ent_type_ not in ("DATE", "TIME"))
    if p.pos == "VERB" and not p.prep and token.dep_ == "acl" and token.tag_ == "VBN":
        out.append(token.head)  # "the sanctions imposed on X"
    if p.pos == "VERB" and "that" in p.object:
        out.extend(c for c in token.children if c.dep_ == "ccomp")
    if p.pos == "VERB" and _small_clause(token):
        out.extend(c for c in token.children if c.dep_ == "nsubj")  # "wanted the sanctions lifted"
    out.extend(conj for t in list(out) for conj in t.conjuncts)
    # "a series of sanctions", "a package of aid", "a state of emergency": look through the noun
    # "$2 million in aid": a sum looks through "in" too
    out.extend(g for t in list(out) if lemma_of(t) in load_cues()["quantity"]
               for c in t.children if c.dep_ == "prep" and (c.lower_ == "of" or (
                   c.lower_ == "in" and t.ent_type_ == "MONEY"))
               for g in _pobjs(c))
    # "air strike", "martial law": the object's own modifiers count too; a sum's currency ("$2 million")
    if modifiers:
        out.extend(g for t in list(out) for g in t.children if g.dep_ in ("compound", "amod") or (
            g.dep_ in ("quantmod", "nmod") and t.ent_type_ == "MONEY"))
    return out


def _misread_passive(verb: Token) -> Token | None:
    """The "by" phrase of a passive the parser read as active, as in a headline without its
    auxiliary ("U.S. Drone Shot Down By Iran"): a past form with a subject, no object and no
    auxiliary, and "by" a name; not a phrasal "by" ("stood by Turkey")."""
    if verb.tag_ not in ("VBD", "VBN") or lemma_of(verb) in load_cues()["by_phrasal"]:
        return None
    kids = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in kids) or any(c.dep_ in ("dobj", "aux", "auxpass") for c in kids):
        return None
    by = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "by"), None)
    name = next(iter(_pobjs(by)), None) if by is not None else None
    if name is None or not (name.pos_ == "PROPN" or name.ent_type_ in ("GPE", "NORP", "ORG")):
        return None
    return name


def subject_of(token: Token) -> Token | None:
    """The actor that performs a verb: subject, passive agent, controller, or relative antecedent."""
    t: Token = token
    for _ in range(8):
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next(iter(_pobjs(agent)), None)
        if (misread := _misread_passive(t)) is not None:
            return misread
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.tag_ in _RELATIVE and t.dep_ == "relcl":
                    return t.head
                return c
        if any(c.dep_ == "nsubjpass" for c in t.children):
            # a passive without "by": the doer is unknown, unless the weapon says whose it was
            # ("was killed in an American airstrike")
            weapon = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "by", "during")
                           for g in _pobjs(c) if _stands_for_its_user(g)), None)
            return owner_of(weapon) if weapon is not None else None
        if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head
        if t.dep_ == "acl" and t.tag_ == "VBG":  # "protesters demanding ..."
            return t.head
        if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and t.head.dep_ == "ROOT" \
                and t.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "dobj" for c in t.children):
            return t.head  # no main verb, and an object a passive could not have: the subject's verb
        if t.dep_ == "acomp" and t.head.i != t.i:  # "X is ready to ...": the copula's subject
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":  # "accused X of violating", "guilty of"
            governor = t.head.head
            if governor.pos_ in ("VERB", "AUX"):
                obj = next((c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is not None:
                    return obj
            t = governor
            continue
        if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            owner = next((c for c in t.head.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ != "PRON" and owner.ent_type_ not in _NOT_ACTORS:
                return owner  # "Kim's plan to ..."
            if t.head.dep_ == "dobj" and lemma_of(t.head) not in load_cues()["intent_noun"]:
                t = t.head.head  # "used his address to call for ...", not "the decision to delay"
                continue
            return None
        if t.dep_ == "xcomp":
            head = t.head  # the controlling verb: its subject, or its object for "urged X to"
            pattern = match_pattern(head)
            controls = lemma_of(head) in load_cues()["object_control"]  # "forced X to"
            if (pattern is not None and pattern.frame in _OBJECT_CONTROL_FRAMES) or controls:
                obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is None:  # "called on Russia to ..."
                    obj = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                                for g in _pobjs(c)), None)
                if obj is not None:
                    return obj
            t = head
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if t.dep_ in ("conj", "advcl") and t.head.i != t.i and (
            t.dep_ == "conj" or t.tag_ == "VBG" or infinitive
        ):
            t = t.head
            continue
        return None
    return None


def _stands_for_its_user(token: Token) -> bool:
    """A weapon or an attack ("the airstrike", "Israeli fire", "a car bomb"): what it does, its
    user does."""
    return token.pos_ == "NOUN" and lemma_of(token) in load_cues()["instrument"]


def doer_of(token: Token) -> Token | None:
    """The actor of a verb: its subject, or, when the subject is a weapon or an attack ("a car
    bombing by the Islamic State killed ..."), whoever the weapon's phrase names as its user."""
    subject = subject_of(token)
    if subject is not None and _stands_for_its_user(subject):
        return owner_of(subject)
    return subject


def _jointly(roles: tuple[Role, ...], doc: Doc) -> tuple[Role, ...]:
    """The parties of a mutual act named together ("Moon and Trump", "North and South Korea"):
    each is read from the whole phrase that names them, as a group's members are."""
    if len(roles) < 2:
        return roles
    span = (min(r.span[0] for r in roles), max(r.span[1] for r in roles))
    text = nlp.doc_text(doc)[span[0]:span[1]]
    # an uncoded party keeps its own words as its name, so that the record still tells it apart
    return tuple(Role(replace(r.actor, text=text, name=r.actor.name or r.actor.text), span) for r in roles)


def _event_doer(noun: Token) -> Token | None:
    """Who did the act an event noun names: its owner ("X's invasion", "the attack by X"), or
    the agent of a participle on it ("the aggression carried out by X")."""
    patient = lemma_of(noun) in load_cues()["patient_noun"]
    owner = _prep_targets(noun, ("by",)) if patient else owner_of(noun)
    if owner is not None:
        return owner
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = next((a for a in c.subtree if a.dep_ == "agent"), None)
            if agent is not None:
                return next(iter(_pobjs(agent)), None)
    return None


def _crowd(actor: Actor) -> bool:
    """Civilians, protesters, workers or students, named as a crowd rather than a body."""
    sector = actor.sector
    return sector in _CROWD_SECTORS and actor.code in (sector, (actor.country or "") + (sector or ""))


def _possessed_gerund(token: Token) -> bool:
    """ "after Soleimani's killing" parsed as a verb whose subject is Soleimani: a noun of what
    was done to him."""
    if token.tag_ != "VBG" or token.lower_ not in load_cues()["patient_noun"]:
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(c.dep_ in ("aux", "case") and c.lower_ in ("'s", "’s")
               for t in (token, *subjects) for c in t.children)


def _sufferer(noun: Token) -> Token | None:
    """The possessor or name before a noun of what is done to someone ("Soleimani's killing")."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "nsubj" and _possessed_gerund(noun)) or (
                c.dep_ in ("compound", "amod")
                and (c.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or c.pos_ == "PROPN")):
            return c
    return None


def _coded(token: Token, actors: ActorIndex) -> bool:
    """Whether the token names an actor with a code."""
    mention = actors.for_token(token)
    return mention is not None and bool(mention.actor.code)


def _by_unnamed_hands(token: Token, code: CameoCode) -> bool:
    """An attack whose doer the sentence does not name ("three soldiers were killed", "a car
    bomb killed three soldiers"): coded with no source rather than not at all."""
    if code.code[:2] not in _VIOLENT_ROOTS or token.pos_ not in ("VERB", "AUX"):
        return False
    kids = [c.dep_ for c in token.children]
    if "nsubjpass" in kids and "agent" not in kids:
        return True
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and _stands_for_its_user(subject)


def _prep_targets(token: Token, preps: tuple[str, ...]) -> Token | None:
    # a phrase on a particle is the verb's ("pulled its troops out of Syria")
    kids = [*token.children, *(g for c in _particles(token) if c.dep_ != "prt" for g in c.children)]
    for c in kids:
        # "sent troops to X": the parser marks a recipient's "to" as dative
        if (c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")) and c.lower_ in preps:
            pobj = next(iter(_pobjs(c)), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return pobj
    return None


def verb_target(token: Token, p: Pattern, actors: ActorIndex) -> Token | None:
    """The target of a verb: its object, dative, passive subject or the pattern's prepositions."""
    constrained = (bool(p.object) or bool(p.prep)) and not p.object_is_target
    # "held civilians as human shields": a constraint on a prepositional phrase leaves the
    # direct object free to be the target
    free = constrained and p.prep is not None and p.pos == "VERB"
    if "dobj" in p.target_dep and (not constrained or free):
        for c in token.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return c
        if _misread_passive(token) is not None:  # "U.S. Drone Shot Down By Iran": the drone's
            return next(c for c in token.children if c.dep_ == "nsubj")
        if token.dep_ == "acl" and token.tag_ == "VBN":
            return token.head  # "the activists arrested last week"
    for c in token.children:
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
    if "dobj" in p.target_dep and p.frame is not None:
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    found = _prep_targets(token, p.target_prep or _DEFAULT_TARGET_PREPS)
    if found is not None:
        return found
    if constrained:  # "imposed sanctions on X": the preposition hangs on the object noun
        for o in objects(token, p):
            owner = next((c for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if owner is not None and owner.ent_type_ not in _NOT_ACTORS:
                return owner  # "backed X's approach to Y": X
        for o in objects(token, p):
            found = _prep_targets(o, p.target_prep or ("on", "against", "with", "to"))
            if found is not None:
                return found
    for o in objects(token, p) if constrained else ():
        found = _actor_modifier(o)  # "accepted a South Korean offer": the offerer
        mention = actors.for_token(found) if found is not None else None
        if found is not None and mention is not None and mention.actor.code:
            return found
    return None


def _actor_modifier(noun: Token) -> Token | None:
    """The actor a noun phrase belongs to: "X's offer", "a South Korean offer"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in _NOT_ACTORS:
            return c
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "PERSON"):
            return c
    return None


def owner_of(token: Token) -> Token | None:
    """Whose act or weapon a noun is, by its own phrase: possessor, "by X", or an actor
    modifier ("Russia's offer", "a bombing by the Islamic State", "an American airstrike")."""
    for c in token.children:
        if c.dep_ == "poss" and c.ent_type_ not in _NOT_ACTORS:
            return c
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next(iter(_pobjs(c)), None)
    for c in token.children:
        if c.dep_ in ("amod", "compound", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"
        ):
            return c
    for c in token.children:  # "the US-led strikes": who led them did them
        if c.dep_ == "amod" and c.lower_ == "led":
            leader = next((g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i < c.i
                           and (g.ent_type_ in ("NORP", "GPE", "ORG") or g.pos_ == "PROPN")), None)
            if leader is not None:
                return leader
    return None


def noun_source(token: Token) -> Token | None:
    """Source of an event noun: its owner (`owner_of`), or a light verb's subject."""
    owner = owner_of(token)
    if owner is not None:
        return owner
    head = token.head
    if token.dep_ in ("dobj",) and head.pos_ in ("VERB", "AUX") and lemma_of(head) in load_cues()["light"]:
        return subject_of(head)
    if token.dep_ == "pobj" and head.lower_ in ("in", "as", "at", "during") and head.head.pos_ == "VERB":
        return subject_of(head.head)  # "In an open threat ..., X said": X; "said at a summit with Y"
    if token.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return noun_source(head)  # "launched raids and strikes": the first noun's source
    return None


def noun_target(token: Token, p: Pattern) -> Token | None:
    """Target of an event noun: the pattern's prepositions, on the noun or its light verb."""
    found = _prep_targets(token, p.target_prep)
    if found is not None:
        return found
    head = token.head
    if token.dep_ == "dobj" and lemma_of(head) in load_cues()["light"]:
        # "gave Russia a deadline": the light verb's indirect object
        dative = next((c for c in head.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")), None)
        return dative if dative is not None else _prep_targets(head, p.target_prep)
    if token.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return noun_target(head, p)  # "launched raids and strikes on X"
    return None


def _clause_chain(token: Token) -> list[Token]:
    """The token and the verbs it hangs from within its clause (xcomp, conj, acl)."""
    chain = [token]
    t = token
    while (t.dep_ in _CLAUSE_LINKS or _infinitive_complement(t)) and t.head.i != t.i:
        t = t.head
        chain.append(t)
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "conj"):
            break
    return chain


def _infinitive_complement(token: Token) -> bool:
    """ "expect Iran to retaliate" parsed as a clausal complement: as close as an xcomp."""
    return token.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _reporting_chain(token: Token) -> list[Token]:
    """Verbs above the clause through complements (ccomp, advcl): "declared that it will ..."."""
    out = []
    t = _clause_chain(token)[-1]
    for _ in range(4):
        if t.dep_ not in ("ccomp", "advcl", "xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


def status_of(token: Token, code: str) -> str:
    """occurred / planned / hypothetical / negated / historical, from the clause's markers."""
    cues = load_cues()
    chain = _clause_chain(token)
    kids = [c for x in chain for c in x.children]
    own = list(token.children)
    if _conditional(token) or _unasserted(token):
        return "hypothetical"
    if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")) for c in own):
        return "negated"
    if token.dep_ in ("xcomp", "acomp") and any(c.dep_ == "neg" for c in token.head.children):
        return "negated"  # "did not agree to ...", "Washington is not ready to accept ..."
    if any(c.dep_ == "dobj" and (c.lower_ in ("nothing", "none") or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in own):
        return "negated"  # "would accept nothing less than ..."
    reporting = _reporting_chain(token)
    # the verbs right above: "denied attacking", "denied that", "failed to keep its promise"
    above = [*chain[1:3], *reporting[:1]]
    if any(lemma_of(a) in cues["negating"] for a in above):
        return "negated"  # "X denied that it had armed the rebels", "refused to attack", "failed to"
    if token.pos_ == "VERB" and chain[1:2] and lemma_of(chain[1]) in cues["hypothetical_head"]:
        return "hypothetical"  # "is considering sending aid", "discussed imposing sanctions"
    reported = any(lemma_of(r) in cues["speech"] for r in reporting)
    aux = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
    verbal = code[:2] in _VERBAL_ROOTS
    if "must" in aux and _deadline(token):
        return "planned"  # "Armenian forces must give up control of the areas by Dec. 1": due
    if any(a in cues["hypothetical_modal"] for a in aux):
        return "hypothetical"
    if "would" in aux and not reported and not verbal:
        return "hypothetical"
    planned = any(a in cues["future"] or a == "would" for a in aux) or any(
        lemma_of(x) in cues["planned_head"] for x in chain[1:]
    )
    if token.pos_ == "NOUN" and lemma_of(token.head) in cues["planned_head"]:
        planned = True
    if is_historical(token):
        return "historical"
    if planned and not verbal:
        return "planned"
    if token.dep_ == "xcomp" and token.head.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.head.children):
        return "planned"  # "to force X to abandon ...": not (yet) done
    if token.dep_ == "xcomp" and lemma_of(token.head) == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return "planned"  # "ministers are to meet on Friday": scheduled
    if token.dep_ == "acl" and token.head.dep_ != "dobj" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    ):
        return "planned"  # "a campaign to force ...": an aim
    return "occurred"


def _deadline(token: Token) -> bool:
    """The clause sets a date its act is due by ("by Dec. 1", "by the end of the month")."""
    return any(c.dep_ == "prep" and c.lower_ in ("by", "before") and any(
        t.ent_type_ == "DATE" for t in c.subtree) for c in token.children)


def _conditional(token: Token) -> bool:
    """Inside an "if"/"unless" clause, or in a clause whose own verb carries one."""
    marks = load_cues()["hypothetical_mark"]
    t: Token = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in t.children) and t.dep_ == "advcl":
            return True
        if t.head.i == t.i or t.dep_ not in _CONDITION_LINKS:
            return False
        t = t.head
    return False


def _unasserted(token: Token) -> bool:
    """In the clause of a noun such as "suggestion", "rumour", "possibility": not asserted."""
    nouns = load_cues()["hypothetical_noun"]
    t: Token = token
    for _ in range(6):
        if t.dep_ in ("acl", "ccomp", "relcl") and t.head.pos_ == "NOUN" and lemma_of(t.head) in nouns:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def is_historical(token: Token) -> bool:
    """Habitual or long-standing: "has repeatedly declared", "successive governments have refused"."""
    cues = load_cues()
    chain = _clause_chain(token)
    reporting = _reporting_chain(token)
    kids = [c for x in (*chain, *reporting) for c in x.children]
    if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in cues["historical_adverb"] for c in kids):
        return True
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    modifiers = cues["historical_modifier"]
    return any(m.lower_ in modifiers for s in subjects for m in s.children if m.dep_ == "amod")


def np_span(token: Token) -> Span:
    """The noun phrase a role token stands for, without relative clauses or appositions; an
    "of" phrase belongs to it, unless the phrase names an act and the role word does not
    ("accused the army of mass killings"; but "the offer of talks")."""
    left = token.left_edge.i
    right = token.i
    acts = token.pos_ == "NOUN" and match_pattern(token) is not None
    for c in token.rights:
        if c.dep_ in ("compound", "flat", "nummod", "amod") or (
            c.dep_ == "prep" and c.lower_ == "of" and (acts or not any(_names_an_act(g) for g in _pobjs(c)))
        ):
            right = max(right, c.right_edge.i)
    for c in token.lefts:
        if c.dep_ in ("prep", "punct", "cc") or c.tag_ in _RELATIVE:
            left = max(left, c.right_edge.i + 1)
    return token.doc[min(left, token.i) : right + 1]


def _what_it_is_called(noun: Token) -> bool:
    """ "viewed by Ankara as a security threat", "denounced the strike as an act of aggression":
    an event noun after a predicative "as" says what something is taken for, not an act."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "as a provocation and a threat"
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return noun.head.head.pos_ in ("VERB", "AUX")
    of = noun.head  # "as an act of aggression"
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ == "pobj" \
        and of.head.head.lower_ == "as"


def _names_an_act(token: Token) -> bool:
    """A gerund or an event noun with a pattern: "of violating", "of mass killings"."""
    return token.dep_ == "pcomp" or token.tag_ == "VBG" or (
        token.pos_ == "NOUN" and match_pattern(token) is not None
    )


def role_span(mention: Mention, doc: Doc) -> tuple[int, int]:
    """Where a role's actor is named: the mention itself, or for a pronoun resolved by
    coreference its antecedent when that stands in the same sentence ("Greece said it would
    ...": "Greece"). An antecedent in an earlier sentence is not used: every span of a record
    stays inside the record's sentence, so the pronoun itself is the evidence there."""
    if mention.antecedent is None:
        return mention.span
    named = doc.char_span(*mention.antecedent, alignment_mode="expand")
    if named is None or nlp.sentence_index(named[0]) != mention.sentence_index:
        return mention.span
    return mention.antecedent


def _mention_roles(mention: Mention, doc: Doc, head: Token | None = None) -> list[Role]:
    """One role per actor a mention stands for (a group's members), each with its named span;
    a mention headed by the role word spans the whole noun phrase ("the Irish premier")."""
    span = role_span(mention, doc)
    if head is not None and span == mention.span:
        phrase = np_span(head)
        span = _trimmed(doc, min(span[0], phrase.start_char), max(span[1], phrase.end_char))
    text = nlp.doc_text(doc)[span[0]:span[1]]
    return [Role(a.written_as(text), span) for a in (mention.members or (mention.actor,))]


def role_of(token: Token, actors: ActorIndex) -> list[Role]:
    """The actor(s) a role token stands for: its resolved mention; else the coded actors that
    modify the noun phrase filling the role ("attacked a Nigerian army base", "Pakistan and
    Afghanistan's spy agencies"), spanned by that phrase; else a coded actor later in the
    phrase; else the phrase's text, uncoded."""
    mention = actors.for_token(token)
    named = _named_beside(token, actors)
    if named is not None and (mention is None or not mention.actor.name):
        return _mention_roles(named, token.doc)  # "the group al-Nusra Front", "the militant group, Hamas,"
    if mention is not None:
        headed = actors.by_head.get(token.i) is mention
        return _mention_roles(mention, token.doc, token if headed else None)
    phrase = np_span(token)
    if lemma_of(token) in load_cues()["relational"]:  # "its allies", "the NATO ally": not its owner
        where = _trimmed(token.doc, phrase.start_char, phrase.end_char)
        return [Role(Actor(text=nlp.doc_text(token.doc)[where[0]:where[1]]), where)]
    owners: list[Mention] = []
    for t in token.doc[phrase.start : token.i]:  # the modifiers before the head word
        m = actors.for_token(t)
        if m is not None and m.actor.code and m not in owners:
            owners.append(m)
    if owners:
        where = _trimmed(token.doc, phrase.start_char, phrase.end_char)
        text = nlp.doc_text(token.doc)[where[0]:where[1]]
        return [Role(a.written_as(text), where) for m in owners for a in (m.members or (m.actor,))]
    for t in phrase:  # "the release of Kenyan fishermen": an actor after the head word
        m = actors.for_token(t)
        if m is not None and m.actor.code:
            return _mention_roles(m, token.doc)
    if token.tag_ in _RELATIVE or token.lower_ in _NOT_ROLE_WORDS:
        return []
    if not _names_an_actor(token):
        return []  # "the delay", "any casualties", "a short video": a thing is no actor
    where = _trimmed(token.doc, phrase.start_char, phrase.end_char)
    return [Role(Actor(text=nlp.doc_text(token.doc)[where[0]:where[1]]), where)]


def _named_beside(token: Token, actors: ActorIndex) -> Mention | None:
    """A coded actor in apposition to a role word, which names whom the description means."""
    for c in token.children:
        m = actors.for_token(c) if c.dep_ == "appos" else None
        if m is not None and m.actor.code and m.actor.name:
            return m
    return None


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A span without the white space at its ends (a blanked dateline the parser hung on it)."""
    text = nlp.doc_text(doc)[start:end]
    lead = len(text) - len(text.lstrip())
    return start + lead, max(start + lead, end - (len(text) - len(text.rstrip())))


def _names_an_actor(token: Token) -> bool:
    """A phrase the dictionaries could not code that still names someone: a proper name or
    a named person, organisation, group or place ("Lopez-Gatell", "the Civil Liberty
    Organization"), or a vehicle that stands for its unnamed owner ("the convoy was
    attacked"); not another common noun, a time or an amount."""
    if token.ent_type_ in _NOT_ACTORS:
        return False
    acronym = len(token.text) >= 2 and token.text.isalpha() and token.text.isupper()  # "ICE", "FARC"
    vehicle = lemma_of(token) in load_cues()["vehicle"]  # "the convoy", "a tanker": its owner's
    return token.pos_ == "PROPN" or acronym or vehicle or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def roles_of(token: Token | None, actors: ActorIndex) -> tuple[Role, ...]:
    """Roles for a token and its coordinated conjuncts ("Moon and Trump"); beside a coded
    member, a relational one names no one more ("the US and its allies": the US), nor a place
    the dictionaries do not know (a misparse's "Shusha ... and Azerbaijan admitted")."""
    if token is None:
        return ()
    words = [token, *token.conjuncts]
    for partner in _split_subject(token):
        words.extend(t for t in (partner, *partner.conjuncts) if t not in words)
    members = [(t, role_of(t, actors)) for t in words]
    named = any(r.actor.code for _, roles in members for r in roles)
    relational = load_cues()["relational"]
    out: list[Role] = []
    for t, roles in members:
        for role in roles:
            if role not in out and not (named and not role.actor.code and (
                    lemma_of(t) in relational or t.ent_type_ in ("GPE", "LOC", "FAC"))):
                out.append(role)
    return tuple(out)


def _split_subject(token: Token) -> list[Token]:
    """The rest of a coordinated subject the parser split: a second subject of the same verb
    ("Canada, Israel, the EU, and NATO announced": "NATO" its own nsubj) or a name before a comma
    read as a modifier ("Peru, Ecuador and Colombia announced": "Peru")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    doc = token.doc
    return [c for c in token.head.children if c.i != token.i and (
        c.dep_ == token.dep_ or (
            c.dep_ == "npadvmod" and c.i < token.i and c.ent_type_ in ("GPE", "ORG", "NORP")
            and c.i + 1 < len(doc) and doc[c.i + 1].text == ","))]


def _antecedent_roles(pronoun: Token, actors: ActorIndex) -> tuple[Role, ...]:
    """A pronoun subject's actor: the reporter ("X said it will ..."), else the last actor subject."""
    if pronoun.lower_ not in _THIRD_PERSON:
        return ()  # "I", "we": the speaker, which speakers.py attributes
    t = pronoun.head
    for _ in range(6):
        if t.dep_ not in ("ccomp", "advcl", "conj", "xcomp", "relcl") or t.head.i == t.i:
            break
        t = t.head
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in _PERSONAL and lemma_of(t) in load_cues()["speech"]:
            return roles_of(subj, actors)  # the reporter, named in the same sentence
    doc = pronoun.doc
    here = nlp.sentence_index(pronoun)
    for m in sorted(actors.mentions, key=lambda m: -m.start):
        if m.start >= pronoun.idx or m.sentence_index < here - 1 or not m.actor.code:
            continue
        head = doc.char_span(m.start, m.end, alignment_mode="expand")
        if head is not None and head.root.dep_ in ("nsubj", "nsubjpass"):
            return (Role(m.actor.written_as(pronoun.text), (pronoun.idx, pronoun.idx + len(pronoun))),)
    return ()


def _same_actor(role: Role, sources: tuple[Role, ...]) -> bool:
    """The same code, or the same country where one side has no sector and the other is an
    arm of the state (PRK and PRKGOV); a country's rebels or opposition are not the state."""
    a = role.actor
    for s in sources:
        b = s.actor
        if a.code and a.code == b.code:
            return True
        if a.country and a.country == b.country and (not a.sector or not b.sector) and (
            (a.sector or b.sector or "GOV") in _STATE_SECTORS
        ):
            return True
    return False


def _victims(token: Token) -> bool:
    """People a clause names as suffering its act, though no actor: unnamed ("the dead", "most
    of the wounded") or a person the dictionaries do not know ("after Soleimani's killing")."""
    words = load_cues()["victim"]
    return token.ent_type_ == "PERSON" or lemma_of(token) in words or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(lemma_of(g) in words for g in c.children)
        for c in token.children)


def _context_target(token: Token, sources: tuple[Role, ...], actors: ActorIndex,
                    dyads: Collection[frozenset[str]] = (), doers: Collection[str] = (),
                    organisations: bool = True, code: str = "") -> Role | None:
    """With no target in the clause, the nearest other coded actor of the sentence (GDELT-style);
    else an actor of the sentence before with whom the source was coded there (`dyads`, the
    pairs of countries the previous sentence's records hold: the dyad carries on), or who did
    what the clause reacts to (`doers`, given when its object is a thing: "X tested a missile.
    Y condemned the test"), or the one other actor it names."""
    if not sources:
        return None
    here = nlp.sentence_index(token)
    countries = {r.actor.country or r.actor.code for r in sources}
    crowd = all(_crowd(r.actor) for r in sources)
    spans = {r.span for r in sources}
    before = {m.actor.country or m.actor.code for m in actors.mentions
              if m.sentence_index == here - 1 and m.actor.code and m.actor.code != m.actor.sector} - countries
    # who reports the clause is not its counterpart ("X's offensive is endangering civilians," he
    # said), but for a demand, offer or refusal in an exchange the reporter is a party to ("Trump
    # said Kim demanded the lifting of sanctions")
    exchange = bool(code) and code[:2] in _EXCHANGE_ROOTS
    reporters = set() if exchange else {
        s.i for r in _reporting_chain(token) if lemma_of(r) in load_cues()["speech"]
        for s in r.children if s.dep_ == "nsubj"}
    reporting = {r.actor.country or r.actor.code for i in reporters  # "..., he said": whom "he" is
                 for r in (roles_of(token.doc[i], actors) or _antecedent_roles(token.doc[i], actors))
                 if r.actor.code}
    for sentence in (here, here - 1):
        best: tuple[int, Role] | None = None
        for m in actors.mentions:
            if m.sentence_index != sentence or not m.actor.code or m.span in spans:
                continue
            key = m.actor.country or m.actor.code
            if sentence != here and key not in doers and len(before) > 1 and not any(
                    frozenset((c, key)) in dyads for c in countries if c):
                continue  # one other actor before is the counterpart; of several, the one coded
            if not organisations and m.actor.country is None and m.actor.code.startswith(("IGO", "NGO")):
                continue  # the strikes were not launched against the Security Council
            if m.actor.code == m.actor.sector:
                continue  # an agent of no known country ("the embassy", "police") is nobody's counterpart
            own_state = crowd and m.actor.sector in _STATE_SECTORS  # a crowd's counterpart: "protesters
            # gathered, demanding the resignation of the prime minister"
            if (m.actor.country or m.actor.code) in countries and not own_state:
                continue
            if any(s[0] <= m.start < s[1] for s in spans) or _where_source_is(m, token.doc, spans):
                continue
            if any(m.start <= token.doc[i].idx < m.end for i in reporters) or key in reporting:
                continue
            dist = abs(m.start - token.idx)
            if best is None or dist < best[0]:
                best = (dist, _mention_roles(m, token.doc)[0])
        if best is not None:
            return best[1]
    return None


def _where_source_is(m: Mention, doc: Doc, spans: set[tuple[int, int]]) -> bool:
    """ "US troops in South Korea": a place that locates the source is not its counterpart."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in ("in", "at", "inside", "across")
            and any(s[0] <= prep.head.idx < s[1] for s in spans))


def _complement(token: Token, frame: str) -> Token | None:
    """The predicate a frame verb or noun governs: "agreed [to delay]", "threat [to strike]"."""
    for c in token.children:
        if c.dep_ == "xcomp":
            return c
        if c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
        if c.dep_ == "ccomp" and frame in ("demand", "threat"):
            return c
        if c.dep_ == "prep" and (c.lower_ in ("for", "to") or (c.lower_ == "on" and frame == "demand")) \
                and frame in ("demand", "appeal", "intent"):
            pobj = next(iter(_pobjs(c)), None)
            if pobj is not None and match_pattern(pobj) is not None:
                return pobj
    return None


# codes whose infinitive is their content: appeals, intents, agreements, demands, threats
_FRAMING_FAMILIES = ("02", "03", "05", "10", "13")


def _purpose(token: Token, matched: dict[int, _Predicate]) -> bool:
    """An infinitive of purpose ("negotiate with the Kurds to end the violence", "all necessary
    measures to protect U.S. personnel"): what an act is for, not an act reported; but what a
    deal signed or agreed is for is what was agreed ("signed a deal to end the conflict"), and
    what is asked, offered or threatened is the frame's own complement."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if not infinitive or token.pos_ not in ("VERB", "AUX"):
        return False
    cues = load_cues()
    head = token.head
    if token.dep_ in ("advcl", "xcomp"):
        if lemma_of(head) in cues["means"]:  # "used his address to call for talks": he called
            return False
        framed = head.i in matched and matched[head.i].code[:2] in _FRAMING_FAMILIES
        if token.dep_ == "advcl":
            return not framed
        # an xcomp is a purpose only after a predicate whose object is already there
        done = any(c.dep_ in ("dobj", "prep") and c.i < token.i for c in head.children)
        return head.i in matched and done and not framed
    return token.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and lemma_of(head) not in cues[
        "intent_noun"] and lemma_of(head.head) not in cues["means"]


def _restates_an_argument(token: Token, matched: dict[int, _Predicate]) -> bool:
    """ "called for talks to discuss X": an infinitive on a coded predicate's noun is its content;
    so is a purpose infinitive of the same kind as an event noun its verb governs (the parser
    often hangs "to discuss" on "called", not on "talks")."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ not in ("acl", "advcl") or not infinitive:
        return False
    if token.dep_ == "acl":
        noun = token.head
        return noun.i in matched or _governed_by_predicate(noun, matched)
    own = matched[token.i].code[:2] if token.i in matched else None
    governor = token.head
    nouns = [c for c in governor.children if c.dep_ == "dobj"]
    nouns += [g for c in governor.children if c.dep_ == "prep" for g in _pobjs(c)]
    return any(n.i in matched and n.pos_ == "NOUN" and matched[n.i].code[:2] == own for n in nouns)


def _actor_key(role: Role | None) -> str | None:
    if role is None:
        return ""
    actor = role.actor
    return actor.country or (actor.code[:3] if actor.code else None)


def _pair_keys(
    code: CameoCode, sources: tuple[Role, ...], targets: tuple[Role, ...]
) -> set[tuple[str, str, str]]:
    """(type, source, target) keys of the coded pairs; uncoded actors give no key."""
    keys = set()
    for s in sources or (None,):
        for t in targets or (None,):
            sk, tk = _actor_key(s), _actor_key(t)
            if sk and tk is not None and code.plover:
                keys.add((code.plover, sk, tk))
    return keys


def _repeats(
    code: CameoCode, sources: tuple[Role, ...], targets: tuple[Role, ...], seen: set[tuple[str, str, str]]
) -> bool:
    """Does an event noun only restate pairs already coded earlier in the document?"""
    keys = _pair_keys(code, sources, targets)
    n_pairs = max(1, len(sources)) * max(1, len(targets))
    return len(keys) == n_pairs and keys <= seen


def _an_act_or_weapon(noun: Token, matched: dict[int, _Predicate]) -> bool:
    """An event noun or a weapon, alone or as the head of one ("the strikes", "its bombing
    campaign", "Israeli fire")."""
    return noun.pos_ == "NOUN" and any(t.i in matched or _stands_for_its_user(t) for t in (
        noun, *[c for c in noun.children if c.dep_ == "compound"]))


def _refers_back(noun: Token, matched: dict[int, _Predicate]) -> bool:
    """An event noun as the subject of a present-tense comment on what the act does ("Turkey's
    offensive is endangering civilians", "the sanctions hurt the poor"): a reference to an act
    reported elsewhere; the noun is a report where its clause says it took place ("talks begin
    on Monday") or tells the past ("a phone call on Sunday spelled the end of the deal")."""
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or head.i in matched or head.pos_ not in ("VERB", "AUX"):
        return False
    present = head.tag_ in ("VBZ", "VBP") or (head.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children))
    cues = load_cues()
    return present and lemma_of(head) not in cues["occur"] and lemma_of(head) not in cues["light"]


def _light_head(token: Token) -> bool:
    """Is this noun the object of a light verb ("made the offer", "held talks")?"""
    return token.dep_ == "dobj" and lemma_of(token.head) in load_cues()["light"]


def _governed_by_predicate(token: Token, matched: dict[int, _Predicate]) -> bool:
    """An event noun that is an argument of a coded verb ("condemned the attack") is not coded apart."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in load_cues()["quantity"]:
        token = head.head  # "a series of sanctions"
        head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("of", "from") and head.head.pos_ == "NOUN":
        # "called for the lifting of US sanctions", "demanded the release of prisoners", "sought
        # relief from sanctions": the act named in a verb's constrained object is what it is about
        noun = head.head
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        if verb.i in matched and verb.pos_ in ("VERB", "AUX") \
                and lemma_of(noun) in matched[verb.i].pattern.object:
            return True
    if token.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in head.children):
        return False  # "Hungary's offer was welcomed": the welcome has no named doer, the offer does
    if token.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "oprd") and head.i in matched:
        return True
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i in matched:
        owner = matched[head.head.i].pattern
        if owner.pos == "NOUN" and owner.object_prep == head.lower_ and lemma_of(token) in owner.object:
            return True  # "an offer of talks", "a call for talks": what the noun offers or asks for
        return head.head.pos_ in ("VERB", "AUX")
    # "walked away from the talks": the particle's phrase is the verb's
    return token.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ in ("advmod", "prep") \
        and head.head.head.i in matched and head.head in _particles(head.head.head)


def _confidence(
    pred: _Predicate, sources: tuple[Role, ...], targets: tuple[Role, ...], status: str, context: bool,
    matched: dict[int, _Predicate],
) -> float:
    """A score whose order tracks how often such records are right (see `detente eval`)."""
    token, p = pred.token, pred.pattern
    c = 0.45 + 0.04 * min(p.specificity, 3)
    c += 0.1 if p.pos == "VERB" else -0.05
    if pred.complement is not None:
        c += 0.08
    elif p.frame == "appeal":
        c -= 0.05  # "urged Ethiopia to open up its politics": asked for what, the coder does not know
    if any(r.actor.code for r in sources):
        c += 0.15
    elif sources:
        c += 0.05
    else:
        c -= 0.15
    if targets:
        c += 0.05
    if token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT"):
        c += 0.05
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i in matched:
        c -= 0.1  # "marched through the capital, demanding ...": the main verb carries the event
    if status == "hypothetical":
        c -= 0.2  # may never happen: kept only when the rest of the evidence is strong
    elif status == "negated":
        c -= 0.1
    if context:
        c -= 0.05
    return round(max(0.05, min(c, 0.95)), 2)


_PATTERN_POS = ("VERB", "AUX", "ADJ", "NOUN", "PROPN")  # the tags _pos_key reads


@cache
def _pattern_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in load_patterns())


def _match_all(doc: Doc) -> dict[int, _Predicate]:
    matched: dict[int, _Predicate] = {}
    for token in nlp.tokens_where(doc, _PATTERN_POS, lemmas=_pattern_lemmas()):
        p = match_pattern(token)
        if p is not None:
            matched[token.i] = _Predicate(token, p, p.cameo, f"pattern:{p.id}")
    return matched


def _fold_frames(matched: dict[int, _Predicate]) -> None:
    """Combine frame predicates with their complements; drop frames that need one and lack it."""
    for pred in sorted(matched.values(), key=lambda x: -x.token.i):
        frame = pred.pattern.frame
        if frame is None:
            _absorb_object_control(pred, matched)
            continue
        comp_tok = _complement(pred.token, frame)
        if frame == "appeal" and comp_tok is None and lemma_of(pred.token) in load_cues()["question"] \
                and not any(c.dep_ == "prep" and c.lower_ == "for" for c in pred.token.children):
            pred.consumed = True  # "asked whether", "he asked", "when asked how": a question, no request
            continue
        if comp_tok is not None and (comp_tok.i not in matched or matched[comp_tok.i].consumed):
            # "refused to offer pledges or end the war": a coordinated complement
            comp_tok = next((c for c in comp_tok.conjuncts if c.i in matched and not matched[c.i].consumed),
                            comp_tok)
        no_comment = load_cues()["decline_comment"]
        if frame == "refuse" and comp_tok is not None and lemma_of(comp_tok) in no_comment:
            pred.code, pred.rule = "011", pred.rule + "+comment"  # "declined to comment": a statement
            continue
        comp = matched.get(comp_tok.i) if comp_tok is not None else None
        controlled = frame in _OBJECT_CONTROL_FRAMES and comp_tok is not None
        asked = _asked(pred.token, comp_tok) if controlled and comp_tok is not None else []
        if asked and (comp is None or frame_code(frame, comp.code) is None):
            # "wanted Turkey to stop the invasion ... and to begin to negotiate": the first act
            # asked for that the frame can carry
            comp = next((matched[t.i] for t in asked if t.i in matched and not matched[t.i].consumed
                         and matched[t.i].pattern.pos != "NOUN" and frame_code(frame, matched[t.i].code)),
                        None)
        for t in asked:  # "called on X to stop supporting Y", "to reverse it in a new agreement":
            if t.i in matched and (comp is None or t.i != comp.token.i):  # what is asked is not done
                matched[t.i].consumed = True
        if comp is not None and not comp.consumed:
            combined = frame_code(frame, comp.code)
            if combined is not None:
                pred.code = combined
                pred.complement = comp
                pred.rule += f"+{comp.pattern.id}"
                comp.consumed = True
                for c in comp.token.conjuncts:  # "agreed to delay and scale back the drills"
                    if c.i in matched:
                        matched[c.i].consumed = True
                continue
        on = any(c.dep_ == "prep" and c.lower_ == "on" for c in pred.token.children)
        addressed = frame == "demand" and comp_tok is not None \
            and _addressee(pred.token, comp_tok) is not None
        bare = lemma_of(pred.token) in load_cues()["needs_complement"]  # "decided", "ready": to do what?
        if bare and not (frame == "demand" and on) and not addressed:
            # ("wanted Turkey to stop the invasion" is a demand on Turkey whatever it asks)
            pred.consumed = True  # "insisted that vengeance is in store": no act to code
        elif frame == "intent" and comp_tok is None and any(
                c.dep_ == "ccomp" and not _clause_aux(c) & (load_cues()["future"] | load_cues()["obliging"])
                for c in pred.token.children):
            pred.consumed = True  # "agree that Russia interfered": an opinion ("agreed that talks would
            # resume" is an agreement)


def _asked(frame_verb: Token, comp_tok: Token) -> list[Token]:
    """What a demand or appeal asks for: the words of its complement, and of infinitives the
    parser hung on the frame verb ("wanted X to stop ..., implement ... and to begin ..."); a
    relative clause in them describes something that is, not something asked."""
    out: list[Token] = []
    if comp_tok.dep_ == "ccomp" and (comp_tok.tag_ in _FINITE or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in comp_tok.children)):
        return out  # "insists it is enforcing the sanctions": a statement of fact, not a demand

    def walk(t: Token) -> None:
        out.append(t)
        for c in t.children:
            if c.dep_ != "relcl":
                walk(c)

    walk(comp_tok)
    for c in frame_verb.children:
        if c.dep_ == "conj" and c.tag_ == "VB" and c.i > comp_tok.i:
            walk(c)
    return out


def _addressee(frame_verb: Token, comp_tok: Token) -> Token | None:
    """Who a demand is made of: the frame verb's object ("urged Iran to"), the object of "on"
    ("called on Russia to"), or the subject of its clause ("wanted Turkey to stop")."""
    for c in frame_verb.children:
        if c.dep_ in ("dobj", "dative"):
            return c
        if c.dep_ == "prep" and c.lower_ == "on":
            return next(iter(_pobjs(c)), None)
    if comp_tok.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp_tok.children):
        return next((c for c in comp_tok.children if c.dep_ == "nsubj"), None)
    return None


def _asked_of(token: Token, p: Pattern, actors: ActorIndex) -> Token | None:
    """The coded actor a demand or appeal is made of, if the clause names one."""
    asked_of = _asked_whom(token, p)
    return asked_of if asked_of is not None and _coded(asked_of, actors) else None


def _asked_whom(token: Token, p: Pattern) -> Token | None:
    """Whom a demand or appeal is made of, named in the clause, coded or not ("called on X" names
    X without a complement the parser found; "urged X" only with one: "urged restraint")."""
    comp_tok = _complement(token, p.frame or "")
    if comp_tok is not None:
        return _addressee(token, comp_tok)
    on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    return next(iter(_pobjs(on)), None) if on is not None else None


def _absorb_object_control(pred: _Predicate, matched: dict[int, _Predicate]) -> None:
    """ "forced X to withdraw", "pressed X to release": the coercion is the event, X's act its content;
    "accused X of stalling the talks", "blamed X for attacking", "arrested for collaborating with
    the rebels": what is alleged is not reported done."""
    token = pred.token
    if pred.code[:2] in ("11", "17"):
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                for g in c.children:
                    if g.dep_ == "pcomp" and g.i in matched:
                        matched[g.i].consumed = True
    if pred.pattern.pos != "VERB" or not any(c.dep_ == "dobj" for c in token.children):
        return
    for c in token.children:
        if c.dep_ == "xcomp" and c.i in matched:
            matched[c.i].consumed = True


def _clause_aux(token: Token) -> set[str]:
    """The auxiliaries of the token's clause chain, lower-cased ("will", "would", "must")."""
    return {c.lower_ for x in _clause_chain(token) for c in x.children if c.dep_ == "aux"}


@dataclass(frozen=True)
class Rewrite:
    """What a rewrite rule makes of a predicate: its new code, and for a demand the reporting
    verb whose subject makes it."""

    code: str
    speaker: Token | None = None
    together: bool = False  # the parties named as one subject do it together ("failed to agree")


def _rewrite(code: str | None, speaker: Token | None = None) -> Rewrite | None:
    return Rewrite(code, speaker) if code is not None else None


def _refusal(pred: _Predicate, status: str) -> Rewrite | None:
    """A cooperative act negated in the future ("will not give up") is a refusal."""
    if status != "negated" or pred.code[:2] not in _COOPERATIVE_ROOTS:
        return None
    if pred.code[:2] == "04" and lemma_of(pred.token) in load_cues()["decline_comment"]:
        return Rewrite("011")  # "would not discuss the plans": no comment, not a refusal to meet
    if _clause_aux(pred.token) & (load_cues()["future"] | {"would", "can"}):
        return _rewrite(frame_code("refuse", pred.code))  # ("could not agree" is a failure: negated)
    t = pred.token
    stance = t.head.head if t.dep_ == "xcomp" and t.head.dep_ == "acomp" else t.head
    negated = any(c.dep_ == "neg" for c in stance.children)
    if t.dep_ in ("xcomp", "acomp") and lemma_of(stance) == "be" and negated:
        # "is not ready to accept", "was not appropriate to accept"
        return _rewrite(frame_code("refuse", pred.code))
    return None


def _announced(pred: _Predicate, status: str) -> Rewrite | None:
    """A cooperative act reported as one to come ("the rebels said they will release the
    hostages", "announced it would return the weapons") is an expressed intent (03x): what
    happened is the announcement, not the act."""
    if status != "planned" or pred.code[:2] not in _MATERIAL_COOPERATION or pred.pattern.pos != "VERB":
        return None
    t = pred.token
    if not _clause_aux(t) & (load_cues()["future"] | {"would"}):
        return None
    if any(c.lower_ in ("longer", "never") for c in t.subtree if c.dep_ in ("advmod", "neg")):
        return None  # "would no longer fund": a cut, not a promise
    if not any(lemma_of(r) in load_cues()["speech"] for r in _reporting_chain(t)):
        return None
    return _rewrite(frame_code("intent", pred.code))


def _demanded(pred: _Predicate, status: str) -> Rewrite | None:
    """"Assad said Turkey must mediate": a cooperative act the speaker says another must do is
    the speaker's demand (10x) on that actor, made by the reporting verb's subject."""
    t = pred.token
    if pred.pattern.pos != "VERB" or pred.code[:2] not in _COOPERATIVE_ROOTS:
        return None
    if "must" not in _clause_aux(t):
        return None
    reporter = next((r for r in _reporting_chain(t) if lemma_of(r) in load_cues()["speech"]), None)
    doer = subject_of(t)
    if reporter is None or doer is None or doer.lower_ in _PERSONAL or subject_of(reporter) is None:
        return None
    return _rewrite(frame_code("demand", pred.code), reporter)


def _failed(pred: _Predicate, status: str) -> Rewrite | None:
    """"failed to reach agreement": an agreement that the parties failed to make is their
    rejection (120, as the PETRARCH dictionary codes "fail"), not a negated agreement."""
    t = pred.token
    if status != "negated" or not (pred.code == "057" or pred.code[:2] == "03"):
        return None
    head = t.head if t.dep_ == "xcomp" else None
    if head is None or lemma_of(head) != "fail" or any(c.dep_ == "neg" for c in head.children):
        return None
    return Rewrite("120", together=True)


def _alleged(pred: _Predicate, status: str) -> Rewrite | None:
    """"Kuwait said Israel was violating international law": a breach of norms or law (128)
    another actor is said to commit is the speaker's accusation of it (112), made of the doer."""
    t = pred.token
    if pred.pattern.pos != "VERB" or pred.code != "128" or status not in ("occurred", "historical"):
        return None
    reporter = next((r for r in _reporting_chain(t) if lemma_of(r) in load_cues()["speech"]), None)
    doer = subject_of(t)
    speaker = subject_of(reporter) if reporter is not None else None
    if speaker is None or doer is None or doer.lower_ in _PERSONAL:
        return None
    return Rewrite("112", reporter)


REWRITE_RULES: dict[str, Callable[[_Predicate, str], Rewrite | None]] = {
    "refusal": _refusal, "failed": _failed, "announced": _announced, "demanded": _demanded,
    "alleged": _alleged}


def _rewritten(pred: _Predicate, status: str) -> tuple[str, Token | None]:
    """Run the rewrite rules in their declared order (data/rewrites.tsv) on a predicate: its
    status after them, and the speaker a demand names. The predicate's code and rule change."""
    speaker: Token | None = None
    for rule, after in load_rewrites():
        done = REWRITE_RULES[rule](pred, status)
        if done is None:
            continue
        status = "historical" if after == "occurred" and is_historical(pred.token) else after
        pred.code, pred.rule = done.code, f"{pred.rule}+{rule}"
        pred.together = pred.together or done.together
        speaker = done.speaker or speaker
    return status, speaker


def code_doc(doc: Doc, actors: ActorIndex, min_confidence: float = MIN_CONFIDENCE) -> list[Coded]:
    """Every coded predicate of a document, in text order, at `min_confidence` or above."""
    matched = _match_all(doc)
    _fold_frames(matched)
    out: list[Coded] = []
    seen: set[tuple[str, str, str]] = set()
    dyads_by_sentence: dict[int, set[frozenset[str]]] = {}  # the country pairs coded, per sentence
    doers_by_sentence: dict[int, set[str]] = {}  # the sources' countries coded, per sentence
    for i in sorted(matched):
        pred = matched[i]
        if pred.consumed:
            continue
        token, p = pred.token, pred.pattern
        here = nlp.sentence_index(token)
        if p.pos == "NOUN" and _governed_by_predicate(token, matched):
            continue
        if p.pos == "NOUN" and token.dep_ in ("attr", "dobj", "acomp") and lemma_of(token.head) in _COPULAS:
            continue  # "that represents Pyongyang's best offer": a comment on an act, not a report of one
        if _restates_an_argument(token, matched) or _purpose(token, matched):
            continue
        if p.pos == "NOUN" and (_refers_back(token, matched) or _what_it_is_called(token)):
            continue
        status, demander = _rewritten(pred, status_of(token, pred.code))
        code = cameo(pred.code)
        if code.plover is None:
            continue  # statements and appeals are not events
        if (p.pos == "NOUN" and lemma_of(token) in load_cues()["patient_noun"]) or _possessed_gerund(token):
            # "Soleimani's killing", "the Khashoggi murder", "the arrest of X by Y": whose name
            # goes with the noun suffered it; only "by" names who did it
            source_tok = _prep_targets(token, ("by",))
            target_tok = _prep_targets(token, ("of",)) or _sufferer(token)
            if source_tok is None and target_tok is None:
                continue
        elif p.pos == "NOUN":
            source_tok = noun_source(token)
            target_tok = noun_target(token, p) or _prep_targets(token, ("between",))
            if pred.code[:2] in _VIOLENT_ROOTS and source_tok is not None and source_tok.dep_ == "compound" \
                    and source_tok.ent_type_ in ("GPE", "LOC", "FAC") and not _coded(source_tok, actors):
                # "the Aleppo bombing", "the Kabul attack": a place, where it was done; a state
                # named so ("the US attack") is the attacker
                source_tok, target_tok = None, target_tok or source_tok
            if source_tok is None and target_tok is None:
                continue
        elif demander is not None:
            source_tok, target_tok = subject_of(demander), subject_of(token)  # the speaker asks the doer
        else:
            subject = subject_of(token)
            if subject is not None and pred.code[:2] in _SAYING_ROOTS \
                    and _an_act_or_weapon(subject, matched) and not _coded(subject, actors):
                continue  # "the offensive is threatening peace": an act threatens, asks or accuses
                # no one; its clause comments on it
            source_tok = doer_of(token)
            target_tok = verb_target(token, p, actors)
            comp = pred.complement
            addressee = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
            if comp is not None and p.frame == "threat" and addressee is not None:
                target_tok = addressee  # "warned Ethiopia that it would ...": the one warned
            elif comp is not None and p.frame in _OBJECT_CONTROL_FRAMES and (
                    asked_of := _asked_of(token, p, actors)) is not None:
                target_tok = asked_of  # "called on Russia to stop supporting Assad": Russia is asked
            elif comp is not None:
                comp_target = (verb_target(comp.token, comp.pattern, actors) if comp.pattern.pos != "NOUN"
                               else noun_target(comp.token, comp.pattern))
                if comp_target is not None and comp_target is not source_tok:
                    target_tok = comp_target
                elif p.frame in _OBJECT_CONTROL_FRAMES:
                    target_tok = next((c for c in token.children if c.dep_ in ("dobj", "dative")), target_tok)
                    if target_tok is None and comp.token.dep_ == "ccomp":  # "wants Pashinyan to resign"
                        target_tok = next((c for c in comp.token.children if c.dep_ == "nsubj"), None)
            elif p.frame in _OBJECT_CONTROL_FRAMES and target_tok is None:
                # "demanded that Addis Ababa delay ...": the one asked is the clause's subject
                clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
                if clause is not None:
                    target_tok = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "called on the international community to intervene": the one asked is named, though
        # no coded actor; the sentence's other actor is not asked
        asked = _asked_whom(token, pred.pattern) if pred.pattern.frame in _OBJECT_CONTROL_FRAMES else None
        addressed = pred.pattern.pos != "NOUN" and demander is None and asked is not None \
            and asked.pos_ in ("NOUN", "PROPN") and not _coded(asked, actors)
        if p.pos != "NOUN" and pred.code[:2] in _REPROACH_ROOTS and target_tok is not None \
                and target_tok.pos_ == "NOUN" and target_tok.i in matched:
            # "condemned the attack by X", "denounced X's invasion", "the aggression carried out by
            # X": the one reproached is who did the act
            target_tok = _event_doer(target_tok) or target_tok
        if target_tok is not None and (
            (pred.complement is not None and target_tok.i == pred.complement.token.i)
            or (p.object and lemma_of(target_tok) in p.object and target_tok.i in matched)
            or (not target_tok.ent_type_ and lemma_of(target_tok) in load_cues()["thing_noun"])
        ):
            # "agreed to a ceasefire", "signed a deal": what was agreed is no party; nor what was
            # given, traded or exercised ("provided aircraft", "agreed a trade deal")
            target_tok = None
        forces = p.pos == "VERB" and (pred.code.startswith("087") or pred.code[:2] == "15"
                                      or pred.code == "074")
        moved = next((c for c in token.children if c.dep_ == "nsubjpass"), None) \
            if forces and source_tok is None else None
        if moved is not None and not any(c.dep_ == "agent" for c in token.children) and (
                lemma_of(moved) in p.object
                or any(r.actor.sector in ("MIL", "COP") for r in roles_of(moved, actors))):
            # "US troops in the area will be pulled out", "Israeli troops were placed on alert":
            # who moves or withdraws forces is their state
            source_tok = moved
            target_tok = None if target_tok is not None and target_tok.i == moved.i else target_tok
        rule = pred.rule
        mutual = False
        if source_tok is None and target_tok is not None and target_tok.head.lower_ == "between":
            source_tok = target_tok  # "talks between X and Y": each side to the other
            sources = _jointly(roles_of(source_tok, actors), token.doc)
            targets, mutual = sources, True
        else:
            sources = roles_of(source_tok, actors)
            unresolved = not any(r.actor.code for r in sources)
            if source_tok is not None and (not sources or (source_tok.lower_ in _PERSONAL and unresolved)):
                sources = _antecedent_roles(source_tok, actors) or sources
            targets = tuple(r for r in roles_of(target_tok, actors) if r not in sources)
            if targets and all(_same_actor(t, sources) for t in targets):
                targets = ()  # "Kim ... to discuss North Korea's participation": no other party
            together = pred.code[:2] in _TOGETHER_ROOTS or pred.code in _TOGETHER_CODES or pred.together
            if together and pred.code[:2] == "19" and (target_tok is not None or objects(token, p, False)):
                together = False  # "X and Y attacked the convoy", "launched strikes": not each other
            if not targets and len(sources) > 1 and not roles_of(target_tok, actors) \
                    and together:
                sources = targets = _jointly(sources, token.doc)  # "Moon and Trump agreed", "an agreement
                # by Ankara and Washington": together
                mutual = True
            elif targets and target_tok is not None and target_tok.head.lower_ == "with" and (
                pred.code[:2] in _MUTUAL_ROOTS or pred.code in _MUTUAL_CODES
            ):
                sources = targets = sources + targets  # "X met with Y": they met each other
                mutual = True
        if targets and target_tok is not None and not any(r.actor.code for r in targets):
            targets = _placed(targets, target_tok)  # "bombed Aleppo": Syria
        # no actor as target in the clause ("vowed revenge", "condemned the aggression carried out
        # by Israeli forces"): the sentence's other actor, GDELT-style
        # ("shot down the drone": a vehicle of no named owner is the other actor's)
        unowned = bool(targets) and target_tok is not None and not any(r.actor.code for r in targets) \
            and lemma_of(target_tok) in load_cues()["vehicle"]
        if (not targets or unowned) and not addressed \
                and (target_tok is None or unowned or not roles_of(target_tok, actors)) \
                and not (pred.code[:2] in ("18", "19", "20") and target_tok is not None
                         and _victims(target_tok)):
            # the clause names who suffered the force ("the dead were killed by Israeli fire")
            reacting = target_tok is not None  # to a thing: "condemned the test"
            context = _context_target(token, sources, actors, dyads_by_sentence.get(here - 1, set()),
                                      doers_by_sentence.get(here - 1, set()) if reacting else (),
                                      organisations=pred.code[:2] not in _MATERIAL_CONFLICT, code=pred.code)
            if context is not None:
                targets, rule = (context,), rule + "+context-target"
        if source_tok is not None and any(c.dep_ == "det" and c.lower_ in _GENERIC
                                          for c in source_tok.children):
            continue  # "any enemy violating these borders will not go back": a rule, not an act
        if not sources and not (_by_unnamed_hands(token, code) and any(r.actor.code for r in targets)):
            continue  # a record names who did it, but for an attack whose doer the text does not know
        if p.pos == "NOUN" and not _light_head(token) and not any(r.actor.code for r in (*sources, *targets)):
            continue  # a bare event noun ("the meeting") is coded only with a known actor
        if sources and all(_crowd(r.actor) for r in sources):
            crowd = p.crowd or ("145" if pred.code[:2] in _VIOLENT_ROOTS else None)
            if crowd is not None:  # "protesters gathered", "crowds stormed government buildings"
                pred.code, code, rule = crowd, cameo(crowd), rule + "+crowd"
        confidence = _confidence(pred, sources, targets, status, "+context" in rule, matched)
        if p.pos == "NOUN" and source_tok is not None and source_tok.dep_ == "amod":
            confidence = round(confidence - 0.1, 2)  # "the Iraqi bombing": agent or victim?
        if confidence < min_confidence:
            continue
        if p.pos == "NOUN" and _repeats(code, sources, targets, seen):
            continue  # "... constrained by US sanctions": a mention of sanctions already coded
        seen.update(_pair_keys(code, sources, targets))
        dyads_by_sentence.setdefault(here, set()).update(
            frozenset((k[1], k[2])) for k in _pair_keys(code, sources, targets) if k[2])
        doers_by_sentence.setdefault(here, set()).update(k[1] for k in _pair_keys(code, sources, targets))
        trigger_end = token.idx + len(token.text)
        out.append(Coded(
            trigger_i=token.i,
            sentence_index=here,
            trigger_span=(token.idx, trigger_end),
            trigger_text=token.text,
            code=code,
            sources=sources,
            targets=targets,
            status=status,
            rule=rule,
            confidence=confidence,
            mutual=mutual and len({r.actor.code or r.span for r in sources}) > 1,
        ))
    return out
