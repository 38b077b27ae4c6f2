"""The event ontology: PLOVER types and modes, and the CAMEO/Goldstein crosswalk.

See :mod:`communique.ontology.plover`. The data tables in ``ontology/data`` are adapted from
the PLOVER manual and CAMEO2PLOVER conversion table of the Open Event Data Alliance (CC BY-SA
4.0), the CAMEO codebook and GDELT's CAMEO-to-Goldstein lookup; their headers give the details.
"""

from communique.ontology.plover import (
    CROSSWALK_VERSION,
    TYPES,
    Mode,
    cameo_to_plover,
    goldstein,
    mode,
    modes,
    quad_code,
    quad_name,
    root_code,
)

__all__ = [
    "CROSSWALK_VERSION",
    "TYPES",
    "Mode",
    "cameo_to_plover",
    "goldstein",
    "mode",
    "modes",
    "quad_code",
    "quad_name",
    "root_code",
]
