"""Event coding: predicates to PLOVER/CAMEO with roles, negation, modality and evidence."""

from detente.coding.coder import Coded, code_doc
from detente.coding.ontology import CameoCode, cameo, cameo_table

__all__ = ["CameoCode", "Coded", "cameo", "cameo_table", "code_doc"]
