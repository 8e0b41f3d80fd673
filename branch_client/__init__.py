"""CAM-IE Branch Client: the offline registration desk for partner bank branches."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cam-ie-branch-client")
except PackageNotFoundError:  # running from a bundle or a bare source tree
    __version__ = "0.1.0"

APP_NAME = "CAM-IE Branch Client"
APP_SLUG = "cam-ie-branch-client"
