"""Links between documents: annex rows of a Landtag answer -> SAB projects."""

from foerderdaten.link.projects import link_annex

__all__ = ["link_annex"]
