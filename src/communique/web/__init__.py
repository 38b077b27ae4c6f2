"""The web dashboard: ``communique serve`` (see ``communique.web.app``)."""

from communique.web.app import create_app

__all__ = ["create_app"]
