"""A typed client for Replicate HTTP API."""
