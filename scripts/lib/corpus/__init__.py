"""Parse every public Replicate model in a pinned npm corpus with the generated models.

The npm package ``all-the-public-replicate-models`` is a dump of real
``GET /v1/models`` objects, each with its ``latest_version`` and its
``default_example`` prediction. Feeding all of them to the generated
``from_dict`` methods shows, on thousands of real payloads rather than the few
we recorded, which fields the API actually sends and where our spec is too
strict. The package's builder deletes ``urls``, ``logs`` and
``webhook_completed`` from every default example (and ``paths`` from every
``openapi_schema``), so a field missing here is not always missing from the
API. Run by ``scripts/corpus``. One job per module:

- ``fetch``: the tarball, fetched once into ``.cache/`` and verified every run.
- ``load``: ``models.json`` read into plain JSON objects.
- ``check``: the three ``from_dict`` calls per model and the tally of failures.
- ``report``: the summary table.
- ``sample``: a small, varied, deterministic subset written out as test data.
- ``bindings_check`` (``--bindings``): typed bindings for every model, in phases:
  ``bindings_write`` (a module per model), ``bindings_types`` (mypy and
  pyright), ``bindings_examples`` (import, default example in and out) and
  ``bindings_tally`` (counts and the report).
"""
