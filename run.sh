#!/usr/bin/env bash
# Runs the portal. Without ConnectionStrings__Default it serves a demo ISP from a private
# PostgreSQL cluster under $ISPPORTAL_DATA (default ./.data); with it, that database and no demo data.
# Arguments go to the portal (e.g. ./run.sh migrate, ./run.sh restore --archive PATH into a new ISPPORTAL_DATA). Ctrl-C stops the portal and the private cluster.
set -euo pipefail
cd "$(dirname "$0")"
repo="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
# The demo (no ConnectionStrings__Default) is not Production, which refuses demo mode and unsafe settings.
if [ -z "${ConnectionStrings__Default:-}" ]; then
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
fi
export ISPPORTAL_DEMO_PASSWORD="${ISPPORTAL_DEMO_PASSWORD:-Demo#2025}"
export ISPPORTAL_DATA="$(realpath -m "${ISPPORTAL_DATA:-.data}")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "run.sh: root rights are needed for: $*" >&2; exit 1
  fi
}

has_postgres_server() {
  command -v initdb >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

install_postgres_server() {
  has_postgres_server && return
  echo "Installing the PostgreSQL server (apt-get)..."
  as_root apt-get update -qq
  local package=postgresql
  apt-cache show postgresql-15 >/dev/null 2>&1 && package=postgresql-15
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"
}

# Invoice and receipt PDFs are set in Debian's DejaVu fonts: no font file is committed.
install_pdf_fonts() {
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && return
  echo "Installing fonts-dejavu-core for PDF invoices (apt-get)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core
}

# As root the cluster runs as the postgres user, who must be able to reach the data folder
# (a checkout under /root is private to root).
choose_data_folder_for_postgres_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  mkdir -p "$ISPPORTAL_DATA"
  if ! runuser -u postgres -- test -x "$ISPPORTAL_DATA"; then
    local fallback=/var/lib/ispportal/demo-data
    echo "The postgres user cannot reach $ISPPORTAL_DATA; using $fallback (set ISPPORTAL_DATA to choose)."
    mkdir -p "$fallback"
    export ISPPORTAL_DATA="$fallback"
  fi
}

print_demo_sign_ins() {
  echo
  echo "IspPortal demo on ${ASPNETCORE_URLS%%;*}"
  echo "Sign in as any of these users, password: $ISPPORTAL_DEMO_PASSWORD"
  printf '  %-11s %s\n' admin Admin staff Staff technician Technician finance Finance noc NOC manager Manager
  echo "Ctrl-C stops the portal and its private PostgreSQL."
  echo
}

# The portal runs from artifacts/web: a relative archive path is made absolute here.
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--archive" ] && [ $# -gt 1 ]; then args+=("$1" "$(realpath -m "$2")"); shift 2
  else args+=("$1"); shift
  fi
done
set -- ${args[@]+"${args[@]}"}

dotnet tool restore >/dev/null
install_pdf_fonts
if [ -z "${ConnectionStrings__Default:-}" ]; then
  install_postgres_server
  choose_data_folder_for_postgres_user
fi
dotnet publish IspPortal.Web/IspPortal.Web.csproj -c Release -o artifacts/web --nologo -v quiet
[ -z "${ConnectionStrings__Default:-}" ] && print_demo_sign_ins

# The published folder is the content root (wwwroot, static asset manifest); exec lets Ctrl-C
# and SIGTERM reach the portal itself.
cd "$repo/artifacts/web"
exec dotnet IspPortal.Web.dll "$@"
