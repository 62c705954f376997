"""Tests that replay recorded live Replicate traffic through the SDK."""
