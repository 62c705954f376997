"""Hand-written low-level endpoints for operations the generator cannot produce."""
