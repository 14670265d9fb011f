"""Max 24/7: a cooperative classroom game about finding a trusted adult when things go wrong
online."""

__version__ = "0.1.0"
