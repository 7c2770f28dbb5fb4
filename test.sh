#!/usr/bin/env bash
# Runs every test (benchmarks excepted) against a private PostgreSQL and headless Debian chromium.
# Extra arguments go to dotnet test; a --filter is combined with the benchmark exclusion, e.g.
#   ./test.sh --filter "FullyQualifiedName~LocalPostgres"
# The last line printed is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
results=TestResults

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "test.sh: root rights are needed for: $*" >&2; exit 1
  fi
}

install_missing_system_packages() {
  local packages=()
  if ! command -v initdb >/dev/null && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    packages+=(postgresql)
  fi
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  # The e-mail tests send to a real SMTP server on loopback: Debian's aiosmtpd.
  /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || packages+=(python3-aiosmtpd)
  # Invoice PDFs are set in Debian's DejaVu fonts; the PDF tests read them back with poppler's pdftotext.
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
  [ -x /usr/bin/pdftotext ] || packages+=(poppler-utils)
  [ ${#packages[@]} -eq 0 ] && return
  echo "Installing ${packages[*]} (apt-get)..."
  as_root apt-get update -qq
  if [[ " ${packages[*]} " == *" postgresql "* ]] && apt-cache show postgresql-15 >/dev/null 2>&1; then
    packages=("${packages[@]/#postgresql/postgresql-15}")
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
}

filter="Category!=Benchmark"
passthrough=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) filter="($filter)&($2)"; shift 2 ;;
    --filter=*) filter="($filter)&(${1#--filter=})"; shift ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

# The console log is long and CI shows its tail: repeat each failure's name, message and where it was thrown.
failures() {
  local file
  for file in "$results"/*.trx; do
    [ -e "$file" ] || continue
    awk '
      function text(s) { gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s); return s }
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); failing = 1; part = ""; lines = 0
        print "FAILED " text(name) }
      failing && /<Message>/ { part = "message"; lines = 0; sub(/.*<Message>/, "") }
      failing && /<StackTrace>/ { part = "stack"; lines = 0; sub(/.*<StackTrace>/, "") }
      failing && part != "" {
        done_part = sub(/<\/(Message|StackTrace)>.*/, "")
        if ((part == "message" && lines < 12) || (part == "stack" && lines < 6)) print "    " text($0)
        lines++
        if (done_part) part = ""
      }
      /<\/UnitTestResult>/ { failing = 0; part = "" }
    ' "$file"
  done
}

summary() {
  local passed=0 failed=0 broken=0 file p f
  for file in "$results"/*.trx; do
    [ -e "$file" ] || continue
    p=$(grep -o '<Counters [^>]*' "$file" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    f=$(grep -o '<Counters [^>]*' "$file" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    passed=$((passed + p)) failed=$((failed + f))
    # A fixture that fails to clean up fails the run without failing a test: count it, say so.
    if [ "$f" -eq 0 ] && grep -q '<ResultSummary outcome="Failed"' "$file"; then broken=$((broken + 1)); fi
  done
  if [ "$broken" -gt 0 ]; then
    echo "The run failed outside the tests (a test class fixture failed to start or clean up): see 'Class Cleanup Failure' above."
    failed=$((failed + broken))
  fi
  echo "$passed passed, $failed failed"
}

install_missing_system_packages
dotnet tool restore >/dev/null
rm -rf "$results"
if ! dotnet build IspPortal.sln -c Release --nologo -v quiet; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
dotnet test IspPortal.sln -c Release --no-build --nologo \
  --filter "$filter" \
  --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=normal" \
  --blame-hang-timeout 8m --blame-hang-dump-type none \
  "${passthrough[@]}" || status=$?

failures
summary
exit $status
