"""The journaled batch runner's sans-IO parts: keys, journal, plan, reconciliation, summary.

``_async/batch.py`` (and its written twin ``_sync/batch.py``) drives them.
"""
