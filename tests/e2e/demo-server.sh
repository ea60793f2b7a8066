# Sourced by tests/e2e/run and bench/web/run: start_demo_server starts the built `caravan serve --demo` on a free
# port with a temporary data directory and waits for it; it sets demo_url, demo_tokens and demo_log, and stops the
# server and removes the directory at exit. demo_fail MESSAGE is called (and must exit) when it cannot start.
start_demo_server() {
  local dll="$1"
  demo_data=$(mktemp -d)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  demo_log="$demo_data/serve.log"
  demo_url="http://127.0.0.1:$port"
  demo_tokens="$demo_data/caravan-data/demo-tokens.json"
  # No MQTT listener: the browser suites do not use it, and port 1883 may be taken on a shared machine.
  dotnet "$dll" serve --demo --data "$demo_data/caravan-data" --urls "$demo_url" --mqtt-port off >"$demo_log" 2>&1 &
  demo_server=$!
  trap 'kill "$demo_server" 2>/dev/null; wait "$demo_server" 2>/dev/null; rm -rf "$demo_data"' EXIT
  for _ in $(seq 1 120); do
    curl -fs "$demo_url/healthz" >/dev/null 2>&1 && [ -f "$demo_tokens" ] && return 0
    kill -0 "$demo_server" 2>/dev/null || { cat "$demo_log"; demo_fail "caravan serve --demo exited before it answered"; }
    sleep 0.5
  done
  cat "$demo_log"
  demo_fail "caravan serve --demo did not answer /healthz within 60 s"
}
