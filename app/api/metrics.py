"""Prometheus text exposition from counters we keep ourselves (no extra dependency).

Per process: under several workers each reports its own counters, as with
prometheus_client without multiprocess mode.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Upper bounds (seconds) of the request-duration histogram buckets.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.duration_buckets: Counter[tuple[str, float]] = Counter()
        self.duration_sum: dict[str, float] = {}
        self.duration_count: Counter[str] = Counter()
        self.ingested: Counter[str] = Counter()

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, status)] += 1
            for bound in BUCKETS:
                if seconds <= bound:
                    self.duration_buckets[(route, bound)] += 1
            self.duration_sum[route] = self.duration_sum.get(route, 0.0) + seconds
            self.duration_count[route] += 1

    def count_ingest(self, created: bool) -> None:
        with self._lock:
            self.ingested["created" if created else "duplicate"] += 1

    def render(self) -> str:
        with self._lock:
            lines = [
                "# HELP chronicle_http_requests_total HTTP requests by method, route and status.",
                "# TYPE chronicle_http_requests_total counter",
            ]
            for (method, route, status), n in sorted(self.requests.items()):
                lines.append(
                    "chronicle_http_requests_total"
                    f"{_labels(method=method, route=route, status=str(status))} {n}"
                )
            lines += [
                "# HELP chronicle_http_request_duration_seconds Request duration by route.",
                "# TYPE chronicle_http_request_duration_seconds histogram",
            ]
            for route in sorted(self.duration_count):
                name = "chronicle_http_request_duration_seconds"
                for bound in BUCKETS:
                    n = self.duration_buckets[(route, bound)]
                    lines.append(f"{name}_bucket{_labels(route=route, le=repr(bound))} {n}")
                count = self.duration_count[route]
                lines.append(f"{name}_bucket{_labels(route=route, le='+Inf')} {count}")
                lines.append(f"{name}_sum{_labels(route=route)} {self.duration_sum[route]:.6f}")
                lines.append(f"{name}_count{_labels(route=route)} {count}")
            lines += [
                "# HELP chronicle_articles_ingested_total Articles posted, by outcome.",
                "# TYPE chronicle_articles_ingested_total counter",
            ]
            for outcome in ("created", "duplicate"):
                lines.append(
                    "chronicle_articles_ingested_total"
                    f"{_labels(outcome=outcome)} {self.ingested[outcome]}"
                )
        return "\n".join(lines) + "\n"


def _labels(**labels: str) -> str:
    def escape(value: str) -> str:
        return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    inner = ",".join(f'{k}="{escape(v)}"' for k, v in labels.items())
    return "{" + inner + "}"


class MetricsMiddleware:
    """Pure ASGI: times each HTTP request and labels it with its route template
    (never the raw path, which would explode the number of series)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            self.metrics.observe_request(
                scope["method"], _route_of(scope), status, time.perf_counter() - started
            )


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "(unmatched)"
