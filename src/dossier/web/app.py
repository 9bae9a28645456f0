"""Routes: every page is registered twice, as HTML and as its JSON twin (same path + `.json`).

The JSON twins carry response models, so FastAPI's OpenAPI document (/openapi.json) describes the
API. FastAPI's own /docs pages load scripts from a CDN, so they are switched off; /api lists the
endpoints instead.
"""

import inspect
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.store import Store
from dossier.web import schemas, views
from dossier.web.reader import open_readonly
from dossier.web.security import add_security

HERE = Path(__file__).parent


def create_app(db_path: str | Path) -> FastAPI:
    """The web app over the dossier at `db_path` (opened read-only, per request)."""
    open_readonly(db_path).close()  # fail now, with the store's message, not on the first request
    app = FastAPI(title="Dossier", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Browse a dossier: stories, timeline, copies side by side, quotes, flags, "
                              "search. Every HTML page has a JSON twin at the same path plus `.json`.")
    app.state.db_path = Path(db_path)
    app.state.templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    add_security(app)
    add_error_pages(app)
    add_pages(app)
    return app


def get_store(request: Request):
    store = open_readonly(request.app.state.db_path)
    try:
        yield store
    finally:
        store.close()


def render(request: Request, template: str, data: dict, status: int = 200) -> HTMLResponse:
    page = request.app.state.templates.get_template(template)
    return HTMLResponse(page.render(d=data, request=request, path=request.url.path,
                                    query=request.query_params), status_code=status)


def found(data: dict | None, what: str) -> dict:
    if data is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return data


def twin(app: FastAPI, path: str, template: str, model: type, summary: str, json_path: str | None = None):
    """Register `fn` (a FastAPI endpoint returning page data) at `path + ".json"` and an HTML page
    rendering the same data with `template` at `path`. The JSON route goes first: the HTML route's
    path parameter would otherwise swallow the `.json` suffix."""
    def register(fn):
        app.get(json_path or f"{path}.json", response_model=model, summary=summary, tags=["json"],
                name=f"{fn.__name__}_json")(fn)
        signature = inspect.signature(fn)

        def html(request: Request, **kwargs) -> HTMLResponse:
            return render(request, template, fn(**kwargs))

        request_param = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
        html.__signature__ = signature.replace(parameters=[request_param, *signature.parameters.values()],
                                               return_annotation=HTMLResponse)
        html.__name__ = fn.__name__
        app.get(path, response_class=HTMLResponse, summary=f"{summary} (HTML)", tags=["pages"], name=fn.__name__)(html)
        return fn
    return register


def add_pages(app: FastAPI) -> None:
    @twin(app, "/", "home.html", schemas.HomePage, "Stories (home)", json_path="/index.json")
    def home(store: Store = Depends(get_store)):
        return views.home(store)

    @twin(app, "/stories/{story_id:path}", "story.html", schemas.StoryPage, "One story: timeline, derivation graph, sources")
    def story(story_id: str, store: Store = Depends(get_store)):
        return found(views.story(store, story_id), "story")

    @twin(app, "/timeline", "timeline.html", schemas.TimelinePage, "Every event in date order")
    def timeline(store: Store = Depends(get_store)):
        return views.timeline(store)

    @twin(app, "/articles", "articles.html", schemas.ArticleList, "Every article")
    def articles(store: Store = Depends(get_store)):
        return views.articles(store)

    @twin(app, "/articles/{article_id}", "article.html", schemas.ArticlePage, "One article: text, boilerplate, dates")
    def article(article_id: str, store: Store = Depends(get_store)):
        return found(views.article(store, article_id), "article")

    @twin(app, "/compare", "compare.html", schemas.ComparePage, "Two or more articles side by side")
    def compare(ids: list[str] = Query(..., description="article ids, repeated or comma-separated; the first "
                                                            "is the pivot the others are aligned to"),
                store: Store = Depends(get_store)):
        wanted = [i.strip() for value in ids for i in value.split(",")]
        return found(views.compare(store, wanted), "set of two or more known articles")

    @twin(app, "/entities", "entities.html", schemas.EntityList, "Every entity")
    def entities(store: Store = Depends(get_store)):
        return views.entities(store)

    @twin(app, "/entities/{entity_id:path}", "entity.html", schemas.EntityPage, "One entity: aliases, mentions, quotes, events")
    def entity(entity_id: str, store: Store = Depends(get_store)):
        return found(views.entity(store, entity_id), "entity")

    @twin(app, "/quotes", "quotes.html", schemas.QuotesPage, "Quotes with their variants")
    def quotes(store: Store = Depends(get_store)):
        return views.quotes(store)

    @twin(app, "/flags", "flags.html", schemas.FlagsPage, "Flags: changed facts, quote drift, misdated pages")
    def flags(kind: str | None = Query(None, description="only flags of this kind"), store: Store = Depends(get_store)):
        return views.flags(store, kind or None)

    @twin(app, "/search", "search.html", schemas.SearchPage, "Full-text search with facets")
    def search(q: str = Query("", description="words to find (all must occur)"),
               entity: str | None = Query(None, description="only articles mentioning this entity id"),
               site: str | None = Query(None, description="only articles from this site"),
               start: str | None = Query(None, description="earliest date, YYYY[-MM[-DD]]"),
               end: str | None = Query(None, description="latest date, YYYY[-MM[-DD]]"),
               store: Store = Depends(get_store)):
        return views.find(store, q, entity or None, site or None, start or None, end or None)

    @twin(app, "/rejected", "rejected.html", schemas.RejectedPage, "Inputs a stage rejected, with the reason")
    def rejected(store: Store = Depends(get_store)):
        return views.rejected(store)

    @app.get("/articles/{article_id}/raw", response_class=PlainTextResponse, summary="The input's raw bytes, as text")
    def raw(article_id: str, store: Store = Depends(get_store)):
        data = store.raw_bytes(article_id)
        if data is None:
            raise HTTPException(status_code=404, detail="no such article")
        return PlainTextResponse(data.decode("utf-8", errors="replace"))

    @app.get("/api", response_class=HTMLResponse, summary="The JSON endpoints", tags=["pages"])
    def api(request: Request):
        routes = [{"path": path, "summary": op["get"].get("summary", "")}
                  for path, op in request.app.openapi()["paths"].items() if "get" in op and "json" in op["get"].get("tags", [])]
        return render(request, "api.html", {"routes": routes})


def add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return render(request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": problems}, status_code=422)
        return render(request, "error.html", {"status": 422, "detail": "; ".join(problems)}, 422)
