#!/usr/bin/env bash
# Writes the import test corpus (src/test/resources/imports) with vn.doanvien.sync.ImportCorpus: the files are made
# by Apache POI and Commons CSV as spreadsheet programs make them; corpus.tsv says what importing each must give.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" vn.doanvien.sync.ImportCorpus \
  src/test/resources/imports
ls -l src/test/resources/imports
