#!/usr/bin/env bash
# make_corpus.sh — builds build/corpus/articles.jsonl, the knowledge-search corpus for
# tests and benchmarks, from manual pages and the Debian Reference in English, French and
# Indonesian (see scripts/corpus/make_corpus.py). Never committed. Idempotent: installs
# the packages it needs when missing and rebuilds only when the converter changed.
#   scripts/make_corpus.sh [output.jsonl]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/build/corpus/articles.jsonl"}
packages=(python3 manpages manpages-fr manpages-id debian-reference-en debian-reference-fr debian-reference-id)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make_corpus: installing ${missing[*]}"
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian's docker images drop /usr/share/man; an installed package then has no pages.
if [ ! -d /usr/share/man/fr/man1 ] && [ -e /etc/dpkg/dpkg.cfg.d/excludes ]; then
  echo "make_corpus: warning: /etc/dpkg/dpkg.cfg.d/excludes strips manual pages; the corpus will be small" >&2
fi

converter="$root/scripts/corpus/make_corpus.py"
if [ -s "$out" ] && [ "$out" -nt "$converter" ] && [ "$out" -nt /var/lib/dpkg/status ]; then
  echo "make_corpus: $out is up to date ($(wc -l < "$out") articles)"
  exit 0
fi
mkdir -p "$(dirname "$out")"
/usr/bin/python3 "$converter" "$out"
