"""Speed and memory figures for eventsift, run by ``make bench`` (``python -m benchmarks [NAME ...]``).

Kept outside the package: nothing here ships or runs in production. Each module has a ``run()``
returning a dict of printed figures; none is asserted by a test.
"""
