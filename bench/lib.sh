# Set-up shared by the bench/ scripts. Source it right after `set -euo pipefail`:
#
#   . "$(dirname "$0")/lib.sh"
#
# On sourcing it unsets every VAULT_* variable of the caller (a benchmark must not read another vault,
# identity or purpose) and the JVM's option variables (JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JDK_JAVA_OPTIONS:
# they would change every JVM measured), makes a temporary folder $bench_work that is removed on exit (with any process
# started through bench_background), and sets $bench_root (the repository) and $bench_name (for messages).

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_name="bench/$(basename "$0")"
bench_launcher="$bench_root/vault"
bench_jar="$bench_root/vault-cli/target/vault.jar"   # the classes the Java harnesses (AuditBench, ...) run on

for bench_variable in $(compgen -e); do
  case "$bench_variable" in VAULT_*) unset "$bench_variable" ;; esac
done
unset bench_variable JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS

bench_pids=()
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$bench_work"
}
bench_work="$(mktemp -d "${TMPDIR:-/tmp}/vault-bench.XXXXXX")"
trap bench_cleanup EXIT

bench_die() {   # MESSAGE [HINT]
  echo "$bench_name: error: $1" >&2
  [ -z "${2:-}" ] || echo "$bench_name: hint: $2" >&2
  exit 1
}

bench_say() { printf '\n== %s\n' "$*" >&2; }

bench_need() {   # COMMAND PACKAGE: dies with the apt-get line when COMMAND is missing
  command -v "$1" >/dev/null 2>&1 || bench_die "\"$1\" is needed and not installed" "apt-get install -y $2"
}

bench_background() {   # COMMAND...: runs it in the background; the exit trap stops it if it is still running
  "$@" &
  bench_pids+=("$!")
}

bench_wait_all() {   # waits for every bench_background process; fails if any of them failed
  local pid failed=0
  for pid in "${bench_pids[@]}"; do wait "$pid" || failed=1; done
  bench_pids=()
  return "$failed"
}

bench_commas() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }   # 1000000 -> 1,000,000

# ---- the JDK --------------------------------------------------------------------------------------

bench_default_jdk() {   # prints the folder of the JDK whose java is on PATH
  local java_path
  java_path="$(command -v java)" || bench_die "no java on PATH" "apt-get install -y openjdk-17-jdk-headless, or give a JAVA_HOME"
  java_path="$(readlink -f "$java_path")"
  dirname "$(dirname "$java_path")"
}

# Uses the JDK in folder HOME from here on: sets java_home, java, javac_bin and exports JAVA_HOME, which
# the launcher honours.
bench_use_jdk() {   # HOME
  [ -x "$1/bin/java" ] || bench_die "no java at \"$1/bin/java\"" "give a JDK's folder (a JAVA_HOME), e.g. /usr/lib/jvm/temurin-25-jdk-amd64"
  [ -x "$1/bin/javac" ] || bench_die "\"$1\" has no bin/javac" "the benchmarks compile small Java harnesses: give a JDK, not a JRE"
  java_home="$(cd "$1" && pwd)"
  java="$java_home/bin/java"
  javac_bin="$java_home/bin/javac"
  export JAVA_HOME="$java_home"
}

bench_java_version() {   # the version lines of the current JDK, "; "-joined ("openjdk version ...; ... Runtime ...")
  "$java" -version 2>&1 | head -2 | paste -sd ';' | sed 's/;/; /'
}

bench_java_major() {   # the feature version of the current JDK: 17, 25, ...
  "$java" -version 2>&1 | sed -n '1s/^[^"]*"\(1\.\)\{0,1\}\([0-9]*\).*/\2/p'
}

# ---- vault ----------------------------------------------------------------------------------------

# builds vault through the launcher if needed (a fresh clone), and its start-up caches for the JDK of the
# moment, in the foreground (a guard check's own is otherwise built detached after the first check, on the
# CPU the measurements use); fails loudly if it cannot
bench_build() {
  local words
  for words in --version "exec --help" "guard check --help"; do
    # (word splitting is wanted: each is a command line)
    # shellcheck disable=SC2086
    "$bench_launcher" $words >/dev/null ||
      bench_die "the launcher could not build or run vault (\"$bench_launcher $words\" failed)" "see its output above"
  done
  [ -f "$bench_jar" ] || bench_die "no \"$bench_jar\" after the build" "has the build's output moved? update bench_jar in bench/lib.sh"
}

# The JVM options the launcher passes to java for the command ARGS (run once, in the current folder),
# recorded by a copy of the current JDK whose bin/java writes down its arguments and runs the real one.
# Options that name a class-data archive (an AOT cache or AppCDS archive) are left out: the archive
# holds vault's classes, not a bare JVM's. Sets the array launcher_flags; the reference "bare JVM start"
# runs a Hello class with them, so it starts the way the launcher starts vault.
bench_launcher_flags() {   # ARGS...
  local trace="$bench_work/traced-jdk" entry log_file argument found=""
  local -a called
  rm -rf "$trace"
  mkdir -p "$trace/bin" "$trace/calls"
  for entry in "$java_home"/*; do [ "${entry##*/}" = bin ] || ln -s "$entry" "$trace/"; done
  for entry in "$java_home"/bin/*; do [ "${entry##*/}" = java ] || ln -s "$entry" "$trace/bin/"; done
  printf '#!/bin/sh\nprintf "%%s\\0" "$@" > %q/calls/$$\nexec %q "$@"\n' "$trace" "$java" > "$trace/bin/java"
  chmod +x "$trace/bin/java"
  JAVA_HOME="$trace" "$bench_launcher" "$@" >/dev/null 2>"$trace/stderr" ||
    { cat "$trace/stderr" >&2; bench_die "\"vault $*\" failed under the tracing JDK"; }
  # the call that ran the command: its arguments end with ARGS; one that also writes an archive is a
  # training run of the launcher's cache, taken only when there is no other
  for log_file in "$trace"/calls/*; do
    mapfile -d '' called < "$log_file"
    [ "${#called[@]}" -gt "$#" ] && [ "${called[*]: -$#}" = "$*" ] || continue
    case " ${called[*]}" in
      *" -XX:AOTCacheOutput="*|*" -XX:AOTMode=record"*|*" -XX:AOTMode=create"*|*" -XX:ArchiveClassesAtExit="*)
        [ -n "$found" ] || found="$log_file" ;;
      *) found="$log_file"; break ;;
    esac
  done
  [ -n "$found" ] || bench_die "the launcher ran no java whose arguments end with \"$*\""
  mapfile -d '' called < "$found"
  launcher_flags=()
  for argument in "${called[@]}"; do
    case "$argument" in
      -jar|-cp|-classpath|--class-path|-m|--module|[!-]*) break ;;
      -XX:AOTCache=*|-XX:AOTCacheOutput=*|-XX:AOTConfiguration=*|-XX:AOTMode=*|-XX:SharedArchiveFile=*|\
      -XX:ArchiveClassesAtExit=*|-XX:+AutoCreateSharedArchive) ;;
      *) launcher_flags+=("$argument") ;;
    esac
  done
}

bench_hello() {   # FOLDER: compiles the bare JVM start's Hello class into FOLDER with the current JDK
  mkdir -p "$1"
  printf 'public class Hello { public static void main(String[] a) { System.out.print("hello"); } }\n' > "$1/Hello.java"
  "$javac_bin" -d "$1" "$1/Hello.java"
}

bench_compile() {   # FOLDER SOURCE...: compiles bench harnesses against vault's classes
  mkdir -p "$1"
  "$javac_bin" -nowarn -cp "$bench_jar" -d "$@"
}

# ---- measuring ------------------------------------------------------------------------------------

# Peak RSS in KiB (GNU time's %M) of COMMAND, which must exit with STATUS; stdin is the caller's.
bench_rss() {   # STATUS COMMAND...
  local want="$1" status=0 out="$bench_work/rss.$$"
  shift
  /usr/bin/time -f %M -o "$out" "$@" >/dev/null 2>"$out.err" || status=$?
  if [ "$status" != "$want" ]; then
    cat "$out.err" >&2
    bench_die "\"$*\" exited with $status, not $want, while its peak RSS was measured"
  fi
  tail -1 "$out"   # after GNU time's "Command exited with non-zero status" line
}

bench_median_of() {   # NUMBER...: the median (the lower middle one for an even count)
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

bench_hyperfine_median() {   # CSV NAME: the median in seconds of the command named NAME (-n) in hyperfine's CSV
  awk -F, -v name="$2" '$1 == name { print $4; found = 1 } END { exit !found }' "$1" ||
    bench_die "no row \"$2\" in \"$1\""
}
