"""Routes: every page is registered twice, as HTML and as its JSON twin (same path + `.json`).

The JSON twins carry response models, so FastAPI's OpenAPI document (/openapi.json) describes the
API. FastAPI's own /docs pages load scripts from a CDN, so they are switched off; /api lists the
endpoints instead.
"""

import inspect
from urllib.parse import urlencode
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.store import Store
from dossier.store import queries as q
from dossier.web import export as exporting
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
    app.state.templates.globals["link"] = link
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


def link(path: str, query, **changes) -> str:
    """`path` with the request's query string, some parameters changed (None or "" drops one);
    changing a filter or the sort goes back to page 1. Templates escape the result."""
    params = {k: v for k, v in query.items() if k not in changes and k != "page"} if query else {}
    if "page" in changes:
        params.update({k: v for k, v in query.items() if k not in changes})
    params.update({k: v for k, v in changes.items() if v not in (None, "")})
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(params) if params else "")


def render(request: Request, template: str, data: dict, status: int = 200) -> HTMLResponse:
    page = request.app.state.templates.get_template(template)
    return HTMLResponse(page.render(d=data, request=request, path=request.url.path,
                                    query=request.query_params), status_code=status)


def found(data: dict | None, what: str) -> dict:
    if data is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return data


def paging(page: int = Query(1, ge=1, description="page number, from 1"),
           per_page: int = Query(q.PER_PAGE, ge=1, le=q.MAX_PER_PAGE, description="rows per page")) -> q.Paging:
    return q.Paging(page, per_page)


def small_paging(page: int = Query(1, ge=1, description="page number, from 1"),
                 per_page: int = Query(q.TALL_PER_PAGE, ge=1, le=q.MAX_PER_PAGE, description="rows per page")) -> q.Paging:
    """Paging for lists whose rows are tall (stories, quote groups, flags, search hits)."""
    return q.Paging(page, per_page)


def search_paging(page: int = Query(1, ge=1, description="page number, from 1"),
                  per_page: int = Query(q.SEARCH_PER_PAGE, ge=1, le=q.MAX_PER_PAGE, description="article hits per page")
                  ) -> q.Paging:
    """Paging for search hits: each carries a snippet, made per request."""
    return q.Paging(page, per_page)


def twin(app: FastAPI, path: str, template: str, model: type, summary: str, json_path: str | None = None,
         export: str | None = None):
    """Register `fn` (a FastAPI endpoint returning page data) at `path + ".json"` and an HTML page
    rendering the same data with `template` at `path`; with `export` (a page name in web/export.py),
    also `.csv` and `.md` of the whole filtered view. The JSON route goes first: the HTML route's
    path parameter would otherwise swallow the `.json` suffix."""
    def register(fn):
        base = (json_path or f"{path}.json")[:-len(".json")]
        app.get(f"{base}.json", response_model=model, summary=summary, tags=["json"], name=f"{fn.__name__}_json")(fn)
        signature = inspect.signature(fn)
        request_param = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)

        def html(request: Request, **kwargs) -> HTMLResponse:
            return render(request, template, fn(**kwargs))

        html.__signature__ = signature.replace(parameters=[request_param, *signature.parameters.values()],
                                               return_annotation=HTMLResponse)
        html.__name__ = fn.__name__
        if export:
            add_exports(app, base, fn, signature, export, summary)
        app.get(path, response_class=HTMLResponse, summary=f"{summary} (HTML)", tags=["pages"], name=fn.__name__)(html)
        return fn
    return register


def add_exports(app: FastAPI, base: str, fn, signature: inspect.Signature, page: str, summary: str) -> None:
    """`base.csv` and `base.md`: the view's rows with its filters and sort, every page at once."""
    params = [p for name, p in signature.parameters.items() if name != "paging"]

    def table(kwargs: dict) -> tuple[list[str], list[dict]]:
        if "paging" in signature.parameters:
            kwargs["paging"] = q.ALL
        return exporting.rows(page, fn(**kwargs))

    def as_csv(**kwargs) -> Response:
        columns, rows = table(kwargs)
        return Response(exporting.to_csv(columns, rows), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{page}.csv"'})

    def as_md(**kwargs) -> Response:
        columns, rows = table(kwargs)
        return Response(exporting.to_markdown(summary, columns, rows), media_type="text/markdown; charset=utf-8")

    for suffix, endpoint in ((".csv", as_csv), (".md", as_md)):
        endpoint.__signature__ = signature.replace(parameters=params, return_annotation=Response)
        endpoint.__name__ = f"{fn.__name__}_{suffix[1:]}"
        app.get(f"{base}{suffix}", response_class=Response, summary=f"{summary} ({suffix[1:].upper()})",
                tags=["exports"])(endpoint)


def add_pages(app: FastAPI) -> None:
    @twin(app, "/", "home.html", schemas.HomePage, "Stories (home)", json_path="/index.json", export="index")
    def home(sort: str = Query("recent", description="recent, oldest, articles or sources"),
             year: str | None = Query(None, description="only stories first reported this year"),
             outlet: str | None = Query(None, description="only stories with an article from this outlet"),
             paging: q.Paging = Depends(small_paging), store: Store = Depends(get_store)):
        return views.home(store, sort, {"year": year, "outlet": outlet}, paging)

    # The story list is the home page; "/stories" (and "/stories/", which the story route would
    # take as an empty id) and "/stories.json" go there, query kept, instead of a 404.
    @app.get("/stories", include_in_schema=False)
    @app.get("/stories/", include_in_schema=False)
    @app.get("/stories.json", include_in_schema=False)
    def story_list(request: Request):
        target = "/index.json" if request.url.path.endswith(".json") else "/"
        return RedirectResponse(f"{target}?{request.url.query}" if request.url.query else target, status_code=308)

    @twin(app, "/stories/{story_id:path}", "story.html", schemas.StoryPage, "One story: provenance, timeline, what changed")
    def story(story_id: str, store: Store = Depends(get_store)):
        return found(views.story(store, story_id), "story")

    @twin(app, "/timeline", "timeline.html", schemas.TimelinePage, "Every event in date order", export="timeline")
    def timeline(year: str | None = Query(None, description="only events of this year (or 'undated')"),
                 type: str | None = Query(None, description="only events of this type"),
                 story: str | None = Query(None, description="only events of this story id"),
                 entity: str | None = Query(None, description="only events with this participant (entity id)"),
                 paging: q.Paging = Depends(paging), store: Store = Depends(get_store)):
        return views.timeline(store, {"year": year, "type": type, "story": story, "entity": entity}, paging)

    @twin(app, "/articles", "articles.html", schemas.ArticleList, "Every article", export="articles")
    def articles(sort: str = Query("date", description="date, -date, outlet or title"),
                 outlet: str | None = Query(None, description="only articles from this outlet"),
                 trust: str | None = Query(None, description="only articles whose page date trust is this"),
                 year: str | None = Query(None, description="only articles of this year (or 'undated')"),
                 entity: str | None = Query(None, description="only articles mentioning this entity id"),
                 story: str | None = Query(None, description="only articles of this story id"),
                 paging: q.Paging = Depends(paging), store: Store = Depends(get_store)):
        return views.articles(store, sort, {"outlet": outlet, "trust": trust, "year": year, "entity": entity,
                                            "story": story}, paging)

    @twin(app, "/articles/{article_id}", "article.html", schemas.ArticlePage, "One article: text, boilerplate, dates")
    def article(article_id: str, store: Store = Depends(get_store)):
        return found(views.article(store, article_id), "article")

    @twin(app, "/compare", "compare.html", schemas.ComparePage, "Two or more articles side by side")
    def compare(ids: list[str] = Query(..., description="article ids, repeated or comma-separated; the first "
                                                            "is the pivot the others are aligned to"),
                store: Store = Depends(get_store)):
        wanted = [i.strip() for value in ids for i in value.split(",")]
        return found(views.compare(store, wanted), "set of known articles")

    @twin(app, "/entities", "entities.html", schemas.EntityList, "Every entity", export="entities")
    def entities(sort: str = Query("articles", description="articles, name or quotes"),
                 type: str | None = Query(None, description="only entities of this type (PERSON, ORG, GPE, ...)"),
                 name: str | None = Query(None, description="only names with a word starting so"),
                 paging: q.Paging = Depends(paging), store: Store = Depends(get_store)):
        return views.entities(store, sort, {"type": type, "name": name}, paging)

    @twin(app, "/entities/{entity_id:path}", "entity.html", schemas.EntityPage, "One entity: mentions, quotes, stories, events")
    def entity(entity_id: str, store: Store = Depends(get_store)):
        return found(views.entity(store, entity_id), "entity")

    @twin(app, "/quotes", "quotes.html", schemas.QuotesPage, "The quote ledger: quotes by speaker and wording",
          export="quotes")
    def quotes(sort: str = Query("variants", description="variants or speaker"),
               speaker: str | None = Query(None, description="only quotes of this speaker (entity id)"),
               variant: str | None = Query(None, description="only this wording group (every version shown)"),
               kind: str | None = Query(None, description="direct, indirect or partial"),
               act: str | None = Query(None, description="speech (words said) or stance (a belief, support or "
                                                          "criticism attributed)"),
               paging: q.Paging = Depends(small_paging), store: Store = Depends(get_store)):
        return views.quotes(store, sort, {"speaker": speaker, "variant": variant, "kind": kind, "act": act}, paging)

    @twin(app, "/flags", "flags.html", schemas.FlagsPage, "Flags: changed facts, quote drift, misdated pages",
          export="flags")
    def flags(kind: str | None = Query(None, description="only flags of this kind"),
              severity: str | None = Query(None, description="only flags of this severity"),
              story: str | None = Query(None, description="only flags naming an article of this story id"),
              sort: str = Query("severity", description="severity or kind"),
              paging: q.Paging = Depends(small_paging), store: Store = Depends(get_store)):
        return views.flags(store, sort, {"kind": kind, "severity": severity, "story": story}, paging)

    @twin(app, "/search", "search.html", schemas.SearchPage,
          "One search over articles, entities, quotes, stories and flags", export="search")
    def search(q: str = Query("", description="words to find (all must occur; each matches as a word prefix)"),
               entity: str | None = Query(None, description="only articles mentioning this entity id"),
               site: str | None = Query(None, description="only articles from this site"),
               start: str | None = Query(None, description="earliest date, YYYY[-MM[-DD]]"),
               end: str | None = Query(None, description="latest date, YYYY[-MM[-DD]]"),
               paging: q.Paging = Depends(search_paging), store: Store = Depends(get_store)):
        return views.find(store, q, entity or None, site or None, start or None, end or None, paging)

    @twin(app, "/rejected", "rejected.html", schemas.RejectedPage, "Inputs a stage rejected, with the reason")
    def rejected(paging: q.Paging = Depends(paging), store: Store = Depends(get_store)):
        return views.rejected(store, paging)

    @app.get("/articles/{article_id}/raw", response_class=PlainTextResponse, summary="The input's raw bytes, as text")
    def raw(article_id: str, store: Store = Depends(get_store)):
        data = store.raw_bytes(article_id)
        if data is None:
            raise HTTPException(status_code=404, detail="no such article")
        return PlainTextResponse(data.decode("utf-8", errors="replace"))

    @app.get("/api", response_class=HTMLResponse, summary="The JSON endpoints", tags=["pages"])
    def api(request: Request):
        routes = [{"path": path, "summary": op["get"].get("summary", "")}
                  for path, op in request.app.openapi()["paths"].items()
                  if "get" in op and {"json", "exports"} & set(op["get"].get("tags", []))]
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
