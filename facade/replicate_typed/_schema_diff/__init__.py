"""Compare two versions of a schema and say, per change, whether it breaks a caller.

One implementation serves two reports: ``scripts/regenerate --spec`` on
Replicate's API spec (its operation-level parts live in
``scripts/lib/regenerate/changes.py``) and ``replicate-typed models check`` on
a model version's ``openapi_schema`` (``versions.py``). ``shapes`` resolves a
schema into facts per place, ``changes`` compares the facts and classifies
each difference by the rules table the README states.
"""
