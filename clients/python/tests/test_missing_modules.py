"""Without a library the generated modules import, the client says which one and how to get it."""

import subprocess
import sys
import unittest
from pathlib import Path

CLIENT = Path(__file__).resolve().parent.parent

# Runs the import with google.protobuf hidden, as on a machine without the protobuf package.
WITHOUT_PROTOBUF = """
import importlib.abc, sys
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "google" or name.startswith("google."):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None
sys.meta_path.insert(0, Hide())
import backorder_client
"""


class MissingModulesTest(unittest.TestCase):

    def test_a_missing_protobuf_is_named_with_how_to_install_it(self):
        result = subprocess.run([sys.executable, "-c", WITHOUT_PROTOBUF], cwd=CLIENT,
                                capture_output=True, text=True, timeout=60)
        self.assertNotEqual(result.returncode, 0)
        last = result.stderr.strip().splitlines()[-1]
        self.assertIn("No module named 'google", last)
        self.assertIn("protobuf", last.split("install it")[1])
        self.assertNotIn("run clients/python/generate.sh", last)


if __name__ == "__main__":
    unittest.main()
