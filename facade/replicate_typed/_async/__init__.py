"""AsyncReplicate and its resources, one module per API resource (see ``runner.py``)."""
