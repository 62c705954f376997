"""The shell helpers behind scripts/bootstrap and scripts/demo."""
