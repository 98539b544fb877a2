"""Actor resolution speed: mentions per second, and its time against the bare spaCy parse.

    PYTHONPATH=src python benchmarks/actors_bench.py [--articles 300] [--seed 7]

Articles are generated here from templates (countries, capitals, organisations, people,
titles, pronouns, descriptions), parsed once with the project's spaCy pipeline (timed), then
resolved with find_mentions (timed). The last line is the headline.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date

from detente.actors import find_mentions, get_resolver
from detente.nlp import parse

SUBJECTS = [
    "North Korea", "South Korean President Moon Jae-in", "Seoul's unification ministry",
    "The US president", "Japanese Prime Minister Shinzo Abe", "The Kremlin", "Beijing",
    "The UN Security Council", "NATO", "Iranian lawmakers", "Syrian rebels", "The Taliban",
    "Amnesty International", "A Chinese foreign ministry spokesman", "Pyongyang",
    "US Secretary of State Rex Tillerson", "The European Union", "Turkish prosecutors",
    "Hezbollah", "The IAEA", "Indian companies", "Israeli intelligence", "Washington",
]
OBJECTS = [
    "Japan", "the United States", "Russia", "the North", "Iran", "Ukraine", "the regime",
    "Downing Street", "the White House", "Hamas", "the World Bank", "Venezuelan opposition leaders",
    "his US counterpart", "American troops", "Tehran", "the African Union", "China",
]
VERBS = ["accused", "criticised", "met", "warned", "praised", "threatened", "called on", "thanked"]
FOLLOW_UPS = [
    "He said the talks would continue.", "It rejected the claim on Thursday.",
    "Both sides agreed to meet again.", "They vowed to respond.",
    "The spokesman added that his country wanted peace.", "Officials in the capital declined to comment.",
]


def generate(n: int, seed: int) -> list[str]:
    """`n` short news-like articles of 4-8 sentences."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                             f"over the {rng.choice(['missile tests', 'sanctions', 'border', 'talks'])}.")
            sentences.append(rng.choice(FOLLOW_UPS))
        out.append(" ".join(sentences))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="30 articles, for CI")
    args = ap.parse_args()
    texts = generate(30 if args.quick else args.articles, args.seed)
    get_resolver()  # dictionaries and matchers are built once per process, not per article
    list(parse(texts[:8]))  # warm the pipeline

    t0 = time.perf_counter()
    docs = list(parse(texts))
    parse_s = time.perf_counter() - t0

    published = date(2018, 1, 6)
    t0 = time.perf_counter()
    mentions = sum(len(find_mentions(doc, published).mentions) for doc in docs)
    actor_s = time.perf_counter() - t0

    tokens = sum(len(d) for d in docs)
    print(f"articles {len(docs)}  tokens {tokens}  mentions {mentions}")
    print(f"spaCy parse   {parse_s:.3f} s  ({tokens / parse_s:,.0f} tokens/s)")
    print(f"actors        {actor_s:.3f} s  ({tokens / actor_s:,.0f} tokens/s)")
    print(f"actors: {mentions / actor_s:,.0f} mentions/s; actor time / spaCy parse time = "
          f"{actor_s / parse_s:.3f}")


if __name__ == "__main__":
    main()
