#!/usr/bin/env bash
# The engine and SUMO side by side on the same walking demand, in one run (see README "Benchmarks").
#   benchmarks/sumo/compare.sh [--quick] [--city delft|synthetic] [--residents N] [--out DIR] [--keep-fcd] [--sumo-dawdling]
# Default: the Delft-Wippolder baseline, one day. --quick: a generated grid of 1,000 residents (CI size, < 1 min).
# Steps (all in the `sumo-compare` subcommand of the benchmarks project, which needs the engine):
#   1. the engine simulates the day; its walking trips (departure, route as edges, start/end offsets, speed) are cut out;
#   2. its network goes to SUMO plain XML (one pedestrian edge per street segment) and through netconvert twice:
#      without walking areas (walkers step from edge to edge at junctions, as the engine's) and with them;
#   3. the trips become SUMO persons with explicit walk edges; on each network sumo runs headless without and with
#      --fcd-output;
#   4. encounters are counted from the fcd file with the engine's rule by a streaming reader, and by the engine's
#      exact detector on the same walkers' passages; wall times, counts and per-segment agreement are reported.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v sumo >/dev/null || ! command -v netconvert >/dev/null; then
  echo "SUMO is needed: apt-get install -y --no-install-recommends sumo sumo-tools" >&2
  exit 2
fi
export SUMO_HOME="${SUMO_HOME:-/usr/share/sumo}"   # without it sumo rejects route files ("invalid document structure")

exec dotnet run -c Release --project benchmarks/DigitalTwin.Benchmarks -- sumo-compare "$@"
