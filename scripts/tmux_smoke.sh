#!/usr/bin/env bash
# Play one turn of `bigshire play` in a real terminal (tmux), as a person would, and check the screen.
#
#   scripts/tmux_smoke.sh                 # uses `bigshire` on PATH
#   BIGSHIRE="python -m bigshire_game" scripts/tmux_smoke.sh
#
# Starts a game with East Bigshire at the keyboard, passes the news and the curtain,
# checks the desk, ends the turn, and checks that the month-end report and then the
# next month's news appear. Uses its own tmux server, so it never touches yours.
set -euo pipefail

BIGSHIRE=${BIGSHIRE:-bigshire}
saves=$(mktemp -d)
socket="bigshire-smoke-$$"
tmx() { tmux -L "$socket" "$@"; }
cleanup() {
    tmx kill-server 2>/dev/null || true
    rm -rf "$saves"
}
trap cleanup EXIT

screen() { tmx capture-pane -p -t smoke; }

wait_for() {  # wait_for TEXT [SECONDS]: until the screen shows TEXT
    local text=$1 limit=${2:-10} waited=0
    until screen | grep -qF -- "$text"; do
        sleep 0.2
        waited=$((waited + 1))
        if [ "$waited" -ge $((limit * 5)) ]; then
            echo "tmux smoke: gave up waiting for \"$text\"; the screen shows:" >&2
            screen >&2
            exit 1
        fi
    done
}

tmx new-session -d -s smoke -x 120 -y 40 "$BIGSHIRE play --seed 1 --human east_bigshire --saves $saves; sleep 5"
wait_for "News for June 2013" 20
tmx send-keys -t smoke Enter
wait_for "Pass the keyboard to"
tmx send-keys -t smoke Enter
wait_for "Make a move"
wait_for "East Bigshire Consortium"
wait_for "Actions left"
tmx send-keys -t smoke e
wait_for "turn?"
tmx send-keys -t smoke Enter
wait_for "month-end report" 20
wait_for "June 2013: what changed"
tmx send-keys -t smoke Enter
wait_for "News for July 2013"
ls "$saves"/autosave/*/latest.toml >/dev/null 2>&1 || { echo "tmux smoke: no autosave was written" >&2; exit 1; }
screen
echo "tmux smoke: ok"
