"""A webhook receiver for the demo marketplace: answers every POST with 204 and prints one line per delivery
(time, path, event type, webhook-id). Started by `./mercato demo`, stopped by `./mercato down`.
Usage: python3 demo-receiver.py <marker> <port>"""
import json
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            event = json.loads(body).get("event")
        except ValueError:
            event = "(not JSON)"
        print(datetime.now(timezone.utc).isoformat(), self.path, event, self.headers.get("webhook-id"), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Receiver).serve_forever()
