"""The dataset contract: one pydantic model per published table.

Each model's field order is the column order of the table; each field's
``description`` becomes the column description in Parquet metadata, the data
package and the codebook. ``TABLES`` maps table names to models.
"""

from foerderdaten.schemas.common import TableSpec
from foerderdaten.schemas.tables import TABLES

__all__ = ["TABLES", "TableSpec"]
