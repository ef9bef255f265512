"""extract stage: sentences in, typed event mentions (and the candidates dropped, with why) out."""
from .extractor import Extractor

__all__ = ["Extractor"]
