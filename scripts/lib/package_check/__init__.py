"""Build the wheel and the sdist, check what they ship, and install the wheel as users will."""
