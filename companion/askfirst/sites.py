"""The sites Ask First works on, by the name used in contact keys and settings.

Kept apart from askfirst.profiles (URL parsing, with urllib and its patterns) so that
settings can name the sites without loading it: `askfirst today` never parses a URL.
"""

SITES = ("linkedin", "x", "messenger")
