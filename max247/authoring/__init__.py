"""Tools for the people who write and review scenarios: graphs and proof pages."""
