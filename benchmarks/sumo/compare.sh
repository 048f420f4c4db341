#!/usr/bin/env bash
# The engine and SUMO side by side on the same walking demand, in one run (see README "Benchmarks").
#   benchmarks/sumo/compare.sh [--quick] [--city delft|synthetic] [--residents N] [--out DIR] [--keep-fcd] [--sumo-dawdling]
# Default: the Delft-Wippolder baseline, one day. --quick: a generated grid of 1,000 residents (CI size, < 1 min).
# Steps (all in the `sumo-compare` subcommand of the benchmarks project, which needs the engine):
#   1. Delft only: the whole `twin run` of the baseline for one day is timed as a process, start to finish, on 1 and 2
#      threads (the command line built here first);
#   2. the engine plans the day; its walking trips are routed, moved and their encounters detected, timed phase by
#      phase; the walks (cut where a walker stops or waits at a kerb: departure, route as edges, start/end offsets,
#      speed) become SUMO persons;
#   3. its network goes to SUMO plain XML (one pedestrian edge per street segment) and through netconvert twice:
#      without walking areas (walkers step from edge to edge at junctions, as the engine's) and with them;
#   4. on each network sumo runs headless without output (no encounters), with --fcd-output only, and, untimed, with
#      --tripinfo-output for route lengths and time lost;
#   5. encounters are counted from the fcd file with the engine's rule by a streaming reader; wall times, counts and
#      per-segment agreement are reported.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v sumo >/dev/null || ! command -v netconvert >/dev/null; then
  echo "SUMO is needed: apt-get install -y --no-install-recommends sumo sumo-tools" >&2
  exit 2
fi
export SUMO_HOME="${SUMO_HOME:-/usr/share/sumo}"   # without it sumo rejects route files ("invalid document structure")

dotnet build engine/DigitalTwin.Cli/DigitalTwin.Cli.csproj -c Release --nologo -v quiet >/dev/null   # the timed `twin run`
exec dotnet run -c Release --project benchmarks/DigitalTwin.Benchmarks -- sumo-compare "$@"
