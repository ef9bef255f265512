"""clean stage: the text the NLP sees, without page clutter, with a map back to the original.

    from eventsift.clean import clean_text
    cleaned = clean_text(article.text)
    doc = nlp(cleaned.text)
    start, end = cleaned.span_to_original(sent.start_char, sent.end_char)
"""
from eventsift.clean.boilerplate import boilerplate_reason, is_boilerplate
from eventsift.clean.text import REPEATED_LINE, Cleaned, Removal, clean_text

__all__ = ["Cleaned", "REPEATED_LINE", "Removal", "boilerplate_reason", "clean_text", "is_boilerplate"]
