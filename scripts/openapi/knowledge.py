"""The knowledge base's part of the OpenAPI document: articles with their revisions, views and
votes, the articles used on a case and those suggested for it.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, like those of sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (`knowledgeRoutes`);
- bodies and responses: Sources/PeyvandServer/Knowledge/API/{KnowledgeAPI,ArticleDTOs}.swift;
- rules: Sources/PeyvandCore/Knowledge/Services/{ArticleInput,ArticleService,CaseArticles,ArticleSuggestions,ArticleMarkup}.swift.
"""
from common import (
    BODY_ERRORS, IDEMPOTENCY_ERRORS, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, name_field, no_content,
    obj, op, problems, schema,
)
from sales import LIST_PARAMS as SALES_LIST_PARAMS, choice, query, reference, sort_parameter, text, text_query
from service import LANGUAGES

STATUSES = ["draft", "published", "archived"]  # KnowledgeArticle.Status
SORTS = ["created_at", "updated_at", "title", "view_count", "helpful_count", "case_count"]  # ArticleService.list
TRANSITIONS = ("`draft` → `published` or `archived`; `published` → `archived` or `draft`; `archived` → `draft`. "
               "Any other move is 409 `invalid-transition`.")
MARKUP = ("Formatted text in the knowledge base's markup, never HTML: `#`/`##`/`###` headings, `- ` or `* ` "
          "bullets, `1. ` numbered items, blank lines between paragraphs, `**bold**`, `` `code` `` and "
          "`[text](https://…)` links (http, https and mailto only).")

SCHEMAS = {
    "Article": obj({
        "id": UUID,
        "title": {"type": "string"},
        "body": {"type": "string", "description": MARKUP},
        "body_html": {"type": "string", "description": "The body rendered as HTML with every text escaped."},
        "excerpt": {"type": "string", "description": "The first words of the body, without markup."},
        "category": {"type": "string"},
        "product_id": UUID,
        "keywords": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string", "enum": LANGUAGES},
        "status": {"type": "string", "enum": STATUSES},
        "revision": {"type": "integer", "minimum": 1, "description": "The number of the current revision."},
        "published_at": {**TIMESTAMP, "description": "When it was last published."},
        "archived_at": TIMESTAMP,
        "view_count": {"type": "integer", "minimum": 0},
        "helpful_count": {"type": "integer", "minimum": 0},
        "not_helpful_count": {"type": "integer", "minimum": 0},
        "case_count": {"type": "integer", "minimum": 0, "description": "Cases the article was used on."},
        "owner_id": {**UUID, "description": "The author, who may edit it with an `own` update right."},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "title", "body", "body_html", "excerpt", "keywords", "language", "status", "revision",
                 "view_count", "helpful_count", "not_helpful_count", "case_count", "version"],
        description="A knowledge-base article. Optional fields are left out when not set. Counters move without "
                    "changing `version`."),
    "ArticleList": list_of("Article", "A page of articles."),
    "ArticleRevision": obj({
        "revision": {"type": "integer", "minimum": 1},
        "title": {"type": "string"},
        "body": {"type": "string"},
        "category": {"type": "string"},
        "product_id": UUID,
        "keywords": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string", "enum": LANGUAGES},
        "author_id": UUID,
        "created_at": TIMESTAMP,
    }, required=["revision", "title", "body", "keywords", "language", "created_at"],
        description="The content as one save left it; revisions never change."),
    "ArticleRevisionList": list_of("ArticleRevision", "Every revision, newest first (one page)."),
    "ArticleFeedback": obj({"helpful": {"type": "boolean"}}, required=["helpful"]),
    "SuggestedArticle": obj({
        "id": UUID,
        "title": {"type": "string"},
        "excerpt": {"type": "string"},
        "language": {"type": "string", "enum": LANGUAGES},
        "helpful_count": {"type": "integer", "minimum": 0},
        "score": {"type": "number", "minimum": 0, "maximum": 1,
                  "description": "Up to 0.5 for shared words (five or all of the case's words count as all), 0.3 "
                                 "for the same product, 0.2 for the same category; times 0.8 in another language "
                                 "than the case's."},
        "same_product": {"type": "boolean"},
        "same_category": {"type": "boolean"},
        "shared_words": {"type": "integer", "minimum": 0},
    }, required=["id", "title", "excerpt", "language", "helpful_count", "score", "same_product", "same_category",
                 "shared_words"]),
    "SuggestedArticleList": list_of("SuggestedArticle", "Up to five articles, the best first (one page)."),
    "CaseArticle": obj({
        "article_id": UUID,
        "title": {"type": "string"},
        "status": {"type": "string", "enum": STATUSES},
        "revision": {"type": "integer", "description": "The revision current when it was linked."},
        "current_revision": {"type": "integer"},
        "linked_by": UUID,
        "linked_at": TIMESTAMP,
    }, required=["article_id", "title", "status", "revision", "current_revision", "linked_at"]),
    "CaseArticleList": list_of("CaseArticle", "The articles used on the case, first linked first (one page)."),
    "NewCaseArticle": obj({"article_id": {**UUID, "description": "A published article the caller may read "
                                                                 "(else 422 `referenced_record_missing`; a draft or "
                                                                 "archived one is 422 `out_of_range`)."}},
                          required=["article_id"]),
}


def article_fields(creating):
    return {
        "title": name_field(300, "What the article answers." if creating else "null is 422 `required`."),
        "body": {"type": "string", "minLength": 1, "maxLength": 100_000, "pattern": "\\S",
                 "description": MARKUP + (" Required." if creating else " null is 422 `required`.")},
        "category": text(100, "Free-text category; matched to cases' categories without case, spacing or Persian "
                              "spelling differences."),
        "product_id": reference("A live product of the organisation (422 `referenced_record_missing`)."),
        "keywords": {"type": ["array", "null"], "maxItems": 30,
                     "items": {"type": "string", "minLength": 1, "maxLength": 60, "pattern": "\\S"},
                     "description": "Searched with the title and body; replaces the list."},
        "language": {"type": "string", "enum": LANGUAGES, "description": "Defaults to `fa`."},
        "status": {"type": "string", "enum": STATUSES,
                   "description": ("Defaults to `draft`." if creating else "Moves the article: " + TRANSITIONS)},
        "owner_id": reference("The author; anyone else than the caller needs the `assign` right (403)."),
    }


SCHEMAS.update({
    "NewArticle": obj(article_fields(True), required=["title", "body"], closed=False),
    "ArticleChanges": obj(article_fields(False), closed=False,
                          description="Only the fields sent change. A change of title, body, category, product, "
                                      "keywords or language makes a new revision."),
})

EXAMPLES = {
    "NewArticle": {"title": "کارتخوان روشن نمی‌شود", "body": "## راه‌حل\n- آداپتور را عوض کنید\n- **کابل** را بررسی کنید",
                   "category": "سخت‌افزار", "keywords": ["کارتخوان", "آداپتور"], "status": "published"},
}

PARAMETERS = {
    "ArticleSort": sort_parameter(SORTS),
    "ArticleSearch": text_query("q", "Search words, each matched as a word prefix in the title, keywords, category "
                                     "and body; Persian letter forms do not matter."),
}

LIST_PARAMS = [
    *SALES_LIST_PARAMS[:2], P("ArticleSort"), P("ArticleSearch"), P("OwnerId"), P("OwnerTeamId"), P("Tag"),
    P("CreatedAfter"), P("CreatedBefore"),
    query("status", {"type": "string", "enum": STATUSES}, "Only articles in this status; another value is 422."),
    query("language", {"type": "string", "enum": LANGUAGES}, "Only articles in this language; another value is 422."),
    text_query("category", "Only articles of this category (compared without case, spacing or Persian spelling "
                           "differences)."),
    query("product_id", UUID, "Only articles about this product; not a UUID is 422."),
]

T = "Knowledge base"
VISIBILITY = ("Published articles are seen by everyone who may read the knowledge base; drafts and archived ones "
              "only by those who may edit them (others get 404).")


def article_action(path, operation_id, summary, description, request_body=None):
    return {
        f"/api/v1/kb-articles/{{id}}/{path}": {
            "parameters": [P("Id")],
            "post": op(operation_id, T, summary,
                       {"200": json_ok("The article.", "Article", ["ETag", "Idempotent-Replayed"]),
                        **problems(401, 403, 404, *IDEMPOTENCY_ERRORS, *(BODY_ERRORS if request_body else ()))},
                       description=description, parameters_=[P("IdempotencyKey")],
                       request_body=body(request_body) if request_body else None),
        },
    }


PATHS = {
    "/api/v1/kb-articles": {
        "get": op("listArticles", T, "The articles the caller may read",
                  {"200": json_ok("A page of articles.", "ArticleList"), **problems(401, 403, 422)},
                  description=VISIBILITY + " Deleted ones are left out. Default order: last changed first.",
                  parameters_=LIST_PARAMS),
        "post": op("createArticle", T, "Write an article",
                   {"201": json_ok("Created.", "Article", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="Revision 1 is kept. 422 lists every bad field.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewArticle")),
    },
    "/api/v1/kb-articles/{id}": {
        "parameters": [P("Id")],
        "get": op("getArticle", T, "One article",
                  {"200": json_ok("The article.", "Article", ["ETag"]), **problems(401, 403, 404)},
                  description=VISIBILITY + " Reading through the API does not count a view (see `/views`)."),
        "patch": op("updateArticle", T, "Edit, publish or archive an article",
                    {"200": json_ok("The changed article.", "Article", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="Status moves: " + TRANSITIONS, parameters_=[P("IfMatch")],
                    request_body=body("ArticleChanges")),
        "delete": op("deleteArticle", T, "Delete an article (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="Cases that used it keep their link.", parameters_=[P("IfMatch")]),
    },
    **article_action("restore", "restoreArticle", "Bring back a deleted article (administrators)",
                     "Takes no body. 403 for anyone but administrators."),
    **article_action("views", "recordArticleView", "Count a reading",
                     "For clients that show the article to a reader. Counts only published articles; takes no body."),
    **article_action("feedback", "rateArticle", "Say whether the article helped",
                     "One vote per reader; a second replaces the first. The counters are recounted from the votes.",
                     "ArticleFeedback"),
    "/api/v1/kb-articles/{id}/revisions": {
        "parameters": [P("Id")],
        "get": op("listArticleRevisions", T, "The article's revisions",
                  {"200": json_ok("Every revision, newest first.", "ArticleRevisionList"), **problems(401, 403, 404)}),
    },
    "/api/v1/kb-articles/{id}/revisions/{revision}": {
        "parameters": [P("Id"), {"name": "revision", "in": "path", "required": True,
                                 "schema": {"type": "integer", "minimum": 1}}],
        "get": op("getArticleRevision", T, "One revision",
                  {"200": json_ok("The revision.", "ArticleRevision"), **problems(401, 403, 404)}),
    },
    "/api/v1/cases/{id}/articles": {
        "parameters": [P("Id")],
        "get": op("listCaseArticles", T, "The articles used on a case",
                  {"200": json_ok("Every linked article the caller may read.", "CaseArticleList"),
                   **problems(401, 403, 404)}),
        "post": op("linkCaseArticle", T, "Record that an article was used on a case",
                   {"201": json_ok("Linked.", "CaseArticle", ["Location", "Idempotent-Replayed"]),
                    "200": json_ok("It was already linked; nothing changed.", "CaseArticle"),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="Needs the right to update the case. Keeps the article's current revision and adds "
                               "one to its `case_count`.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewCaseArticle")),
    },
    "/api/v1/cases/{id}/articles/{article_id}": {
        "parameters": [P("Id"), {"name": "article_id", "in": "path", "required": True, "schema": UUID}],
        "delete": op("unlinkCaseArticle", T, "Remove an article from a case",
                     {"204": no_content("Unlinked."), **problems(401, 403, 404)},
                     description="Needs the right to update the case; 404 when the article is not linked."),
    },
    "/api/v1/cases/{id}/suggested-articles": {
        "parameters": [P("Id")],
        "get": op("listSuggestedArticles", T, "Articles likely to answer a case",
                  {"200": json_ok("Up to five published articles, the best first.", "SuggestedArticleList"),
                   **problems(401, 403, 404)},
                  description="Articles sharing the most of the case's words (title and description against title, "
                              "keywords, category and body; Persian letter forms do not matter), and those about its "
                              "product or in its category. Articles already used on the case are left out. Empty "
                              "when the caller may not read the knowledge base."),
    },
}

TAGS = [
    {"name": T, "description": "Articles with revisions, views and votes; the articles used on and suggested for "
                               "cases."},
]
