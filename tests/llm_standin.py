"""A local stand-in for an OpenAI-compatible endpoint, spoken to over real HTTP.

It streams a scripted reply as server-sent events, records each request, and can be told
to be slow (before answering, or between tokens: a reply that trickles in), or to fail, like
a real server on a bad day."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Script:
    reply: str = ""
    delay: float = 0.0  # seconds before the reply starts
    token_delay: float = 0.0  # seconds between tokens
    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)


class StandIn:
    def __init__(self) -> None:
        self.script = Script()
        script = self.script

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                script.requests.append(
                    {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
                )
                if not self.path.endswith("/chat/completions"):
                    self.send_error(404)
                    return
                if script.delay:
                    time.sleep(script.delay)
                if script.status != 200:
                    self.send_response(script.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(
                        json.dumps({"error": {"message": "stand-in failure"}}).encode()
                    )
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                # A client that gives up on the reply (its timeout) closes the connection.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._stream(body)

            def _stream(self, body: dict[str, Any]) -> None:
                words = script.reply.split(" ")
                for i, word in enumerate(words):
                    if i and script.token_delay:
                        time.sleep(script.token_delay)
                    token = word if i == 0 else " " + word
                    chunk = {
                        "id": "standin",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": body.get("model", "standin"),
                        "choices": [
                            {"index": 0, "delta": {"content": token}, "finish_reason": None}
                        ],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
