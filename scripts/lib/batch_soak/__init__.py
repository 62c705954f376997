"""The batch runner's large runs: 500 items killed and resumed, 5,000 items through the CLI."""
