"""Ask First: a local coach for the messages you write to people on social sites."""

__version__ = "0.1.0"
