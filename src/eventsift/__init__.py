"""eventsift: conflict news in, ACLED-style event records out, every field with its evidence."""

__version__ = "0.1.0"
