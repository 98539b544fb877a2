"""Actors: who did it and to whom (countries, capitals, organisations, people, groups)."""

from detente.actors.resolver import ActorIndex, ActorResolver, find_mentions, get_resolver

__all__ = ["ActorIndex", "ActorResolver", "find_mentions", "get_resolver"]
