#!/usr/bin/env bash
# Prints the JDK modules the app and its runtime dependencies use, as jdeps finds them: the list
# that pom.xml's dist.jdk.modules gives jlink. Run from the project folder after
# `mvn -B -Pdist package -DskipTests` (it reads target/dist-input). Modular jars are analysed as
# plain jars (module-info.class removed) so that jdeps does not need their optional modules.
set -euo pipefail
flat=$(mktemp -d)
trap 'rm -rf "$flat"' EXIT
cp target/dist-input/sampling-lab.jar target/dist-input/lib/*.jar "$flat"
for j in "$flat"/*.jar; do
  zip -q -d "$j" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$flat"/*.jar
