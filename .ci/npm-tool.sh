# shellcheck shell=bash
# Sourced by the CI scripts that need a tool from npm (not run on its own).
#
# npm_tool_dir <name> <package@version>...
#   Installs the packages through .ci/npm-install and sets NPM_TOOL_DIR to their directory. Where
#   node, npm or the registry cannot be reached, it calls the caller's own skip function with the
#   reason and npm's words; any other failure ends the script with status 2.
npm_tool_dir() {
  local said_file status=0
  said_file=$(mktemp)
  # shellcheck disable=SC2034  # read by the sourcing script
  NPM_TOOL_DIR=$("$(dirname "${BASH_SOURCE[0]}")/npm-install" "$@" 2> "$said_file") || status=$?
  local said=()
  mapfile -t said < "$said_file"
  rm -f "$said_file"
  if [ "$status" -eq 3 ]; then
    skip "${said[@]}"
  elif [ "$status" -ne 0 ]; then
    printf '%s\n' "${said[@]}" >&2
    exit 2
  fi
}
