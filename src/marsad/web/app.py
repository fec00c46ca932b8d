"""The FastAPI application: query API under /api, dashboard at /.

``create_app(db_path, token)`` builds an app over one SQLite event store. Each
worker thread opens its own :class:`marsad.store.Store` (SQLite connections may
not cross threads); writes need the operator's bearer token, and without one
configured they are refused. Bodies over :data:`MAX_BODY` bytes get a 413 before
they are read in full.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.settings import DEFAULT_ENTITY_SCOPE, EntityScope
from marsad.web.params import BadRequest

if TYPE_CHECKING:
    from marsad.store import Store

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY = 5 * 1024 * 1024

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Stores:
    """One store per thread over the same database file, all closed on shutdown."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            from marsad.store import Store

            store = Store(self.db_path)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - a store owned by another thread may refuse
                pass


class BodyLimit:
    """ASGI middleware: 413 for a request body larger than ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"error": f"request body larger than {self.limit} bytes"}, status_code=413
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    """Every 4xx is JSON with an ``error`` message a person can act on."""

    @app.exception_handler(BadRequest)
    async def bad_request(_: Request, exc: BadRequest) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        detail = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return _error(422, "invalid parameters: " + "; ".join(problems), detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response


def _fastapi(**options: Any) -> FastAPI:
    """The app, with /docs and /redoc served from local files, or without them.

    FastAPI's own doc pages load Swagger UI and ReDoc from a CDN, and marsad runs
    offline: ``fastapi-offline`` ships those files and serves them from the app.
    Without it the two pages are off (the OpenAPI JSON stays at /openapi.json).
    Swagger UI's validator badge would fetch an image from its online validator,
    so it is off too.
    """
    options["swagger_ui_parameters"] = {"validatorUrl": None}
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError:
        return FastAPI(docs_url=None, redoc_url=None, **options)
    return FastAPIOffline(**options)


def create_app(
    db_path: str,
    token: str | None = None,
    *,
    max_body: int = MAX_BODY,
    entity_scope: EntityScope = DEFAULT_ENTITY_SCOPE,
) -> FastAPI:
    """The API and dashboard over the store at ``db_path``; ``token`` enables writes, and
    posted articles are analysed with ``entity_scope`` (:mod:`marsad.settings`)."""
    from marsad.web.api import router

    stores = Stores(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = _fastapi(
        title="marsad",
        version=__version__,
        description="Conflict events extracted from Arabic news, with their evidence.",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.token = token or None
    app.state.entity_scope = entity_scope
    _install_error_handlers(app)
    app.include_router(router, prefix="/api")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers=_PAGE_HEADERS)

    app.add_middleware(BodyLimit, limit=max_body)
    return app


#: The dashboard needs nothing from elsewhere: forbid it, so a bug cannot leak data.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}
