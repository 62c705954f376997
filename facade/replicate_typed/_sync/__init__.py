"""Replicate and its resources, one module per API resource (see ``runner.py``).

Written by scripts/unasync from _async/__init__.py: edit that file.
"""
